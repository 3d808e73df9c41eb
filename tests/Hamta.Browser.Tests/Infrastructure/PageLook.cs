namespace Hamta.Browser.Tests.Infrastructure;

/// <summary>What a page looks like to its reader, measured in the browser by <see cref="Script"/>.</summary>
public sealed class PageLook
{
    public string Language { get; set; } = "";

    public string Direction { get; set; } = "";

    public string BodyFont { get; set; } = "";

    public bool PersianFontLoaded { get; set; }

    public int Overflow { get; set; }

    public string Widest { get; set; } = "";

    public string[] Latin { get; set; } = [];

    /// <summary>Form fields a sighted reader cannot see a label for.</summary>
    public string[] Unlabelled { get; set; } = [];

    /// <summary>Fields for digits (IMEI, mobile, SIM, codes) without a numeric keyboard or left-to-right entry.</summary>
    public string[] NumericWithoutKeypad { get; set; } = [];

    /// <summary>
    /// Words of Latin letters the reader sees outside an isolated run (<c>bdi</c>, <c>dir="ltr"</c>, <c>dir="auto"</c>
    /// or the Unicode isolates: brand names, usernames, numbers, codes), except the names the Persian guide itself uses.
    /// </summary>
    public const string Script = """
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            let widest = '';
            let widestSize = width;
            for (const element of document.body.querySelectorAll('*')) {
                const box = element.getBoundingClientRect();
                const size = Math.max(box.right, width - box.left);
                if (box.width > 0 && size > widestSize && !element.closest('.table-responsive')) {
                    widestSize = size;
                    widest = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.className ? '.' + String(element.className).split(' ').join('.') : '');
                }
            }
            const allowed = new Set(['IMEI', 'IMEISV', 'SIM']);
            const latin = new Set();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('bdi, [dir=ltr], [dir=auto], script, style, noscript') || !parent.checkVisibility()) {
                    continue;
                }
                const text = node.textContent.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, '');
                for (const word of text.match(/[A-Za-z]{2,}/g) || []) {
                    if (!allowed.has(word)) {
                        latin.add(word);
                    }
                }
            }
            const fields = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(f => f.checkVisibility());
            const unlabelled = fields
                .filter(f => ![...(f.labels || [])].some(l => l.checkVisibility() && l.textContent.trim() !== ''))
                .map(f => f.name || f.id);
            const numericWithoutKeypad = fields
                .filter(f => ['text', 'tel', 'number', 'search'].includes(f.type) && /imei|mobile|sim|code/i.test(f.name))
                .filter(f => f.inputMode !== 'numeric' || f.dir !== 'ltr')
                .map(f => f.name);
            const fonts = [...document.fonts].filter(f => f.family.replaceAll('"', '') === 'Vazirmatn' && f.status === 'loaded');
            return {
                language: root.lang,
                direction: root.dir,
                bodyFont: getComputedStyle(document.body).fontFamily.replaceAll('"', ''),
                persianFontLoaded: fonts.length > 0,
                overflow: root.scrollWidth - width,
                widest,
                latin: [...latin],
                unlabelled,
                numericWithoutKeypad,
            };
        }
        """;
}
