//! Markdown to safe HTML: pulldown-cmark renders, ammonia removes anything that could run script
//! (script and style elements, event handlers, `javascript:` and `data:` URLs).

use pulldown_cmark::{html, Options, Parser};

/// Renders staff-written Markdown to HTML that is safe to put in a page.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&raw)
        .to_string()
}

/// The words of staff-written Markdown without its markup, a line for each paragraph, for the
/// search index and the passages shown in results.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    /// Payloads from the usual XSS cheat sheets, in Markdown and raw HTML forms.
    const PAYLOADS: &[&str] = &[
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](  javascript:alert(1))",
        "![x](javascript:alert(1))",
        "[x]: javascript:alert(1)\n\n[x]",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "[x](data:text/html,<script>alert(1)</script>)",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<p onmouseover=\"alert(1)\">hover</p>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "`<script>` in code is text: <script>alert(1)</script>",
    ];

    /// Every tag in `html` is harmless: no dangerous element, no event handler or inline style,
    /// and every URL attribute uses an allowed scheme. Text outside tags may mention anything.
    fn assert_inert(html: &str, payload: &str) {
        let lower = html.to_ascii_lowercase();
        let mut rest = lower.as_str();
        while let Some(start) = rest.find('<') {
            let end = rest[start..]
                .find('>')
                .map(|e| start + e + 1)
                .unwrap_or(rest.len());
            let tag = &rest[start..end];
            rest = &rest[end..];
            let name: String = tag[1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                ![
                    "script", "iframe", "object", "embed", "style", "form", "input", "meta",
                    "link", "base", "svg", "math", "noscript", "body", "video", "source"
                ]
                .contains(&name.as_str()),
                "payload {payload:?} left a <{name}> tag in {html:?}"
            );
            for attr in tag.split_whitespace().skip(1) {
                let key = attr.split('=').next().unwrap_or("");
                assert!(
                    !key.starts_with("on") && key != "style" && key != "background",
                    "payload {payload:?} left attribute {key:?} in {html:?}"
                );
                if matches!(key, "href" | "src" | "action" | "formaction") {
                    let value = attr[key.len()..]
                        .trim_start_matches('=')
                        .trim_matches(|c| c == '"' || c == '\'' || c == '>' || c == '/');
                    let scheme_ok = ["http://", "https://", "mailto:", "tel:"]
                        .iter()
                        .any(|s| value.starts_with(s))
                        || !value.contains(':');
                    assert!(
                        scheme_ok,
                        "payload {payload:?} left URL {value:?} in {html:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_payload_survives() {
        assert!(PAYLOADS.len() >= 30);
        for p in PAYLOADS {
            assert_inert(&render(p), p);
        }
    }

    #[test]
    fn ordinary_markdown_is_kept() {
        let html = render("# 标题\n\n**加粗** 和 [链接](https://npc.example/a)\n\n- 一\n- 二");
        assert!(html.contains("<h1>标题</h1>"));
        assert!(html.contains("<strong>加粗</strong>"));
        assert!(html.contains("href=\"https://npc.example/a\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
        assert!(html.contains("<li>二</li>"));
    }

    #[test]
    fn code_shows_markup_as_text() {
        let html = render("`<b>x</b>`");
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"));
    }
}
