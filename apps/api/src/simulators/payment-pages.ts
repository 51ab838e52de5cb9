/** The simulated gateway's hosted pages: plain, accessible HTML that works on a 360 px phone. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`;

const shell = (title: string, body: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — Cổng thanh toán (mô phỏng)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1a1a1a}main{max-width:28rem;margin:1rem auto;padding:1rem;background:#fff;border:1px solid #ccd}
h1{font-size:1.3rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem}dt{font-weight:600}.row{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
button,a.button{font:inherit;padding:.7rem 1.2rem;border-radius:4px;border:1px solid #0b4f8a;cursor:pointer;text-decoration:none}
.pay{background:#0b4f8a;color:#fff}.cancel{background:#fff;color:#0b4f8a}</style></head>
<body><main>${body}</main></body></html>`;

export function payPage(x: { txnRef: string; gatewayTxnId: string; amount: number; orderInfo: string }, merchant: string): string {
  return shell(
    'Xác nhận thanh toán',
    `<h1>Xác nhận thanh toán</h1>
<p>Đây là cổng thanh toán mô phỏng dùng để thử nghiệm; không có tiền thật được chuyển.</p>
<dl><dt>Đơn vị nhận</dt><dd>${esc(merchant)}</dd><dt>Nội dung</dt><dd>${esc(x.orderInfo)}</dd>
<dt>Mã giao dịch</dt><dd>${esc(x.txnRef)}</dd><dt>Số tiền</dt><dd><strong>${money(x.amount)}</strong></dd></dl>
<form method="post" action="/pay/${esc(x.gatewayTxnId)}"><div class="row">
<button class="pay" type="submit" name="action" value="pay">Thanh toán</button>
<button class="cancel" type="submit" name="action" value="cancel">Huỷ</button></div></form>`,
  );
}

export function resultPage(title: string, text: string, back: string | null): string {
  return shell(title, `<h1>${esc(title)}</h1><p>${esc(text)}</p>${back ? `<p><a class="button cancel" href="${esc(back)}">Quay lại trang dịch vụ công</a></p>` : ''}`);
}
