/**
 * The app's own web fonts as @font-face rules with the font files inlined, for html-to-image: an exported PNG
 * must use the bundled fonts, never a system font, and must not touch the network.
 *
 * html-to-image can build this itself (getFontEmbedCSS), but it resolves the relative URLs inside our
 * stylesheets through a <base> element, which the app's Content Security Policy (base-uri 'none') forbids; the
 * fonts then fail to load. So the URLs are resolved here with new URL(), against each stylesheet's own address.
 */
export async function fontEmbedCss(): Promise<string> {
  const rules: string[] = [];
  for (const sheet of [...document.styleSheets]) {
    let cssRules: CSSRuleList;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue; // a stylesheet from elsewhere cannot be read; the app has none, but a test page might
    }
    const base = sheet.href ?? document.baseURI;
    for (const rule of [...cssRules]) {
      if (rule instanceof CSSFontFaceRule) rules.push(await inlineUrls(rule.cssText, base));
    }
  }
  return rules.join('\n');
}

async function inlineUrls(cssText: string, base: string): Promise<string> {
  const urls = [...cssText.matchAll(/url\((['"]?)([^'")]+)\1\)/g)].map((m) => ({ whole: m[0], url: m[2] as string }));
  let result = cssText;
  for (const { whole, url } of urls) {
    if (url.startsWith('data:')) continue;
    const response = await fetch(new URL(url, base));
    if (!response.ok) throw new Error(`The font ${url} could not be read (${response.status}).`);
    result = result.replace(whole, `url(${await toDataUrl(await response.blob())})`);
  }
  return result;
}

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The font could not be read.'));
    reader.readAsDataURL(blob);
  });
}
