/**
 * A table's column headings. `actions` heads a last column of buttons: it is read to screen-reader
 * users only, since each button already says what it does on screen.
 */
export function ColumnHeads({ labels, actions }: { labels: string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {actions !== undefined && (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
