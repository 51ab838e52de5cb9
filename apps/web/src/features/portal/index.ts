export { AssistPage } from './assist-page.tsx';
export { ApplyPage } from './apply-page.tsx';
export { DevInboxPage } from './dev-inbox-page.tsx';
export { MyDossierPage } from './my-dossier-page.tsx';
export { MyDossiersPage } from './my-dossiers-page.tsx';
export { PortalHomePage } from './portal-home-page.tsx';
export { SignInPage } from './sign-in-page.tsx';
export { TrackPage } from './track-page.tsx';
