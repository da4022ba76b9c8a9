// Copies text to the clipboard: the async Clipboard API where allowed, a hidden textarea otherwise.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    // execCommand is deprecated but remains the only fallback where the Clipboard API is refused.
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}
