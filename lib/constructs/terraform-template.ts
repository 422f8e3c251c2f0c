/**
 * Terraform reads `${...}` and `%{...}` in every string of a JSON
 * configuration as template syntax. Script text is literal, so those
 * sequences are escaped (`$${`, `%%{`) everywhere except inside cdktf token
 * markers, which cdktf turns into real references.
 */
const TOKEN_MARKER = /(\$\{TfToken\[[^\]]+\]\})/;

export function escapeTemplateSequences(text: string): string {
  return text
    .split(TOKEN_MARKER)
    // Replacement functions, not strings: in a replacement string `$$` means `$`.
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')))
    .join('');
}
