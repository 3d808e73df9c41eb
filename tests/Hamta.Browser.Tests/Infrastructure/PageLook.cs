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

    /// <summary>
    /// Numbers written against the portal's one rule (ADR 28): Latin digits outside a left-to-right isolate, a date
    /// or a time in Latin digits, or an identifier (IMEI, mobile number, code) in Persian digits.
    /// </summary>
    public string[] MisshownNumbers { get; set; } = [];

    /// <summary>Fields for digits (IMEI, mobile, SIM, codes) without a numeric keyboard or left-to-right entry.</summary>
    public string[] NumericWithoutKeypad { get; set; } = [];

    /// <summary>
    /// Words of Latin letters the reader sees outside an isolated run (<c>bdi</c>, <c>dir="ltr"</c>, <c>dir="auto"</c>
    /// or the Unicode isolates: brand names, usernames, numbers, codes), except the names the Persian guide itself uses;
    /// and numbers shown against ADR 28.
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
            const misshown = new Set();
            const persianDigit = /[\u06F0-\u06F9\u0660-\u0669]/;
            const latinDigit = /[0-9]/;
            const dateOrTime = /[0-9\u06F0-\u06F9\u0660-\u0669][\/:][0-9\u06F0-\u06F9\u0660-\u0669]/;
            const identifier = /^[\s0-9\u06F0-\u06F9\u0660-\u0669*#+\/\-]+$/;
            const checkIsolated = text => {
                const run = text.trim();
                if (dateOrTime.test(run) && latinDigit.test(run)) {
                    misshown.add(`date or time in Latin digits: ${run}`);
                } else if (!dateOrTime.test(run) && identifier.test(run) && persianDigit.test(run)) {
                    misshown.add(`identifier in Persian digits: ${run}`);
                }
            };
            const digitWalker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = digitWalker.nextNode(); node; node = digitWalker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('script, style, noscript, pre, code') || !parent.checkVisibility() || !/[0-9\u06F0-\u06F9\u0660-\u0669]/.test(node.textContent)) {
                    continue;
                }
                const isolated = parent.closest('bdi, [dir=ltr], [dir=auto]');
                if (isolated) {
                    checkIsolated(isolated.textContent.replace(/[\u2066-\u2069]/g, ''));
                    continue;
                }
                for (const run of node.textContent.match(/[\u2066-\u2068][^\u2069]*\u2069/g) || []) {
                    checkIsolated(run.slice(1, -1));
                }
                const outside = node.textContent.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, '');
                for (const latin of outside.match(/\S*[0-9]\S*/g) || []) {
                    misshown.add(`Latin digits outside an isolate: ${latin}`);
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
                misshownNumbers: [...misshown],
                unlabelled,
                numericWithoutKeypad,
            };
        }
        """;
}
