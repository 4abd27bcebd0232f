//! The models' HTML documentation → Markdown for rustdoc.
//!
//! botocore documents in a small HTML subset: `p`, `code`, `a href`,
//! `ul`/`ol`/`li`, `b`/`strong`, `i`/`em`, `note`/`important`, `pre`,
//! `dl`/`dt`/`dd`, `br`. Those become Markdown; any other tag is dropped
//! and its text kept, so no raw tag reaches the output. Lines are wrapped,
//! never before a word that would start a Markdown block (`- `, `1.`,
//! `#`, ...), and code from `pre` is fenced as `text`, so rustdoc never
//! compiles a model's example as a doctest.

/// Wrap width of the Markdown text (without the `/// ` and indentation).
const WIDTH: usize = 80;

/// Deepest list nesting kept; deeper lists are flattened to this depth.
const MAX_DEPTH: usize = 3;

enum Token<'a> {
    Text(&'a str),
    Open(String, &'a str),
    Close(String),
}

fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        // A `<` that opens no tag (`1 < 2`) is text.
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
            out.push(Token::Text("<"));
            rest = &rest[1..];
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A `<` that opens no tag is text.
            out.push(Token::Text(rest));
            break;
        };
        let inner = &rest[1..gt];
        rest = &rest[gt + 1..];
        let (close, inner) = match inner.strip_prefix('/') {
            Some(i) => (true, i),
            None => (false, inner),
        };
        let inner = inner.trim_end_matches('/');
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            out.push(Token::Text("<"));
            out.push(Token::Text(inner));
            out.push(Token::Text(">"));
        } else if close {
            out.push(Token::Close(name));
        } else {
            out.push(Token::Open(name, &inner[name_end..]));
        }
    }
    out
}

/// `&lt;` → `<`, `&#39;` → `'`, `&#x2F;` → `/`, `&nbsp;` → space.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let (digits, radix) =
                        match entity.strip_prefix("#x").or(entity.strip_prefix("#X")) {
                            Some(hex) => (hex, 16),
                            None => (entity.strip_prefix('#')?, 10),
                        };
                    char::from_u32(u32::from_str_radix(digits, radix).ok()?)?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text made literal in Markdown: emphasis, link and code markers
/// escaped, `<` and entity-like `&` written as entities.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '*' | '[' | ']' | '`' | '_' if c != '_' || word_edge(&chars, i) => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' if looks_like_entity(&chars[i + 1..]) => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether an `_` at `i` could open or close emphasis (not inside a word).
fn word_edge(chars: &[char], i: usize) -> bool {
    let alnum = |j: Option<&char>| j.is_some_and(|c| c.is_alphanumeric());
    !(i > 0 && alnum(chars.get(i - 1)) && alnum(chars.get(i + 1)))
}

fn looks_like_entity(rest: &[char]) -> bool {
    let name: Vec<&char> = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .collect();
    !name.is_empty() && rest.get(name.len()) == Some(&';')
}

/// An attribute's value from a tag's attribute text.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let at = attrs.find(&format!("{name}="))?;
    let value = &attrs[at + name.len() + 1..];
    let quote = value.chars().next()?;
    let value = if quote == '"' || quote == '\'' {
        let inner = &value[1..];
        &inner[..inner.find(quote)?]
    } else {
        &value[..value.find(char::is_whitespace).unwrap_or(value.len())]
    };
    Some(decode(value))
}

/// One paragraph-level piece of output.
struct Block {
    /// List depth and whether this block starts an item (`Some(marker)`).
    depth: usize,
    marker: Option<String>,
    text: String,
    /// Preformatted lines (a `text` code fence).
    pre: bool,
}

#[derive(Default)]
struct Converter {
    blocks: Vec<Block>,
    inline: String,
    lists: Vec<Option<usize>>,
    pending_marker: Option<String>,
    links: Vec<(Option<String>, usize)>,
    code: usize,
    pre: Option<String>,
    /// An emphasis or code marker was just written: the text after it
    /// starts without a space (Markdown wants none inside the markers).
    just_opened: bool,
}

impl Converter {
    fn depth(&self) -> usize {
        self.lists.len().min(MAX_DEPTH)
    }

    fn flush(&mut self) {
        // A note's label stays with the paragraph that follows it.
        if matches!(self.inline.trim(), "**Note:**" | "**Important:**") {
            return;
        }
        let text = self.inline.split_whitespace().collect::<Vec<_>>().join(" ");
        self.inline.clear();
        if text.is_empty() {
            return;
        }
        self.blocks.push(Block {
            depth: self.depth(),
            marker: self.pending_marker.take(),
            text,
            pre: false,
        });
    }

    fn text(&mut self, raw: &str) {
        let mut text = decode(raw);
        if std::mem::take(&mut self.just_opened) && self.pre.is_none() {
            text = text.trim_start().to_string();
            if text.is_empty() {
                self.just_opened = true;
                return;
            }
        }
        if let Some(pre) = &mut self.pre {
            pre.push_str(&text);
        } else if self.code > 0 {
            self.inline.push_str(&text.replace('`', "'"));
        } else {
            self.inline.push_str(&escape(&text));
        }
    }

    fn open(&mut self, name: &str, attrs: &str) {
        match name {
            "p" | "div" | "dl" | "dd" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.flush(),
            "dt" => {
                self.flush();
                self.inline.push_str("**");
            }
            "br" => self.flush(),
            "note" | "important" => {
                self.flush();
                self.inline.push_str(if name == "note" {
                    "**Note:** "
                } else {
                    "**Important:** "
                });
            }
            "ul" | "ol" => {
                self.flush();
                self.lists.push((name == "ol").then_some(0));
            }
            "li" => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{n}. ")
                    }
                    _ => "- ".to_string(),
                };
                self.pending_marker = Some(marker);
            }
            "code" | "tt" if self.pre.is_none() => {
                self.code += 1;
                if self.code == 1 {
                    self.inline.push('`');
                    self.just_opened = true;
                }
            }
            "b" | "strong" if self.code == 0 && self.pre.is_none() => {
                self.inline.push_str("**");
                self.just_opened = true;
            }
            "i" | "em" if self.code == 0 && self.pre.is_none() => {
                self.inline.push('*');
                self.just_opened = true;
            }
            "a" if self.pre.is_none() => {
                let href = attribute(attrs, "href")
                    .filter(|h| h.starts_with("https://") || h.starts_with("http://"));
                self.links.push((href, self.inline.len()));
            }
            "pre" => {
                self.flush();
                self.pre = Some(String::new());
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "p" | "div" | "dd" | "note" | "important" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush()
            }
            "dt" => {
                close_marker(&mut self.inline, "**");
                self.flush();
            }
            "li" => self.flush(),
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
            }
            "code" | "tt" if self.code > 0 => {
                self.code -= 1;
                if self.code == 0 {
                    close_marker(&mut self.inline, "`");
                }
            }
            "b" | "strong" if self.code == 0 && self.pre.is_none() => {
                close_marker(&mut self.inline, "**")
            }
            "i" | "em" if self.code == 0 && self.pre.is_none() => {
                close_marker(&mut self.inline, "*")
            }
            "a" => {
                if let Some((Some(href), start)) = self.links.pop() {
                    let start = start.min(self.inline.len());
                    let text = self.inline[start..].trim().to_string();
                    let href = href
                        .replace(' ', "%20")
                        .replace('(', "%28")
                        .replace(')', "%29");
                    let label = if text.is_empty() { escape(&href) } else { text };
                    self.inline.truncate(start);
                    self.inline.push_str(&format!("[{label}]({href})"));
                }
            }
            "pre" => {
                if let Some(pre) = self.pre.take() {
                    let text = pre.trim_matches('\n').to_string();
                    if !text.trim().is_empty() {
                        self.blocks.push(Block {
                            depth: self.depth(),
                            marker: None,
                            text,
                            pre: true,
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

/// Closes an emphasis or code marker right after the text (Markdown
/// wants no space inside), or drops the opener when nothing followed it.
fn close_marker(inline: &mut String, marker: &str) {
    let trimmed = inline.trim_end().len();
    let trailing = inline[trimmed..].to_string();
    inline.truncate(trimmed);
    if inline.ends_with(marker) && !inline.ends_with(&format!("\\{marker}")) {
        inline.truncate(inline.len() - marker.len());
    } else {
        inline.push_str(marker);
    }
    inline.push_str(&trailing);
}

/// Whether a wrapped line may start with `word` without starting a
/// Markdown block (list item, heading, quote, setext underline, fence).
fn may_start_line(word: &str) -> bool {
    let first = word.chars().next().unwrap_or(' ');
    if "-+*#>=|~`".contains(first) {
        return false;
    }
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    !(digits > 0 && matches!(word[digits..].chars().next(), Some('.' | ')')))
}

fn wrap(text: &str, first_prefix: &str, prefix: &str, out: &mut Vec<String>) {
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.len() + 1 + word.len() > WIDTH && may_start_line(word) {
            let p = if out.is_empty() || out.last().is_some_and(String::is_empty) {
                first_prefix
            } else {
                prefix
            };
            out.push(format!("{p}{line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let p = if out.is_empty() || out.last().is_some_and(String::is_empty) {
            first_prefix
        } else {
            prefix
        };
        out.push(format!("{p}{line}"));
    }
}

/// The Markdown lines of a model's HTML documentation (no `///`).
pub(crate) fn markdown(html: &str) -> Vec<String> {
    let mut c = Converter::default();
    for token in tokens(html) {
        match token {
            Token::Text(t) => c.text(t),
            Token::Open(name, attrs) => c.open(&name, attrs),
            Token::Close(name) => c.close(&name),
        }
    }
    if let Some(pre) = c.pre.take() {
        c.inline.push_str(&escape(&pre));
    }
    c.flush();

    let mut lines: Vec<String> = Vec::new();
    let mut previous_item = false;
    for block in &c.blocks {
        let is_item = block.marker.is_some();
        // Items of one list follow each other without a blank line; every
        // other block is a paragraph of its own.
        if !(lines.is_empty() || is_item && previous_item) {
            lines.push(String::new());
        }
        previous_item = is_item;
        let indent = "  ".repeat(block.depth.saturating_sub(1));
        if block.pre {
            lines.push("```text".to_string());
            lines.extend(block.text.lines().map(|l| l.trim_end().to_string()));
            lines.push("```".to_string());
            continue;
        }
        let (first, rest) = match &block.marker {
            Some(marker) => (
                format!("{indent}{marker}"),
                format!("{indent}{}", " ".repeat(marker.len())),
            ),
            None if block.depth > 0 => (format!("{indent}  "), format!("{indent}  ")),
            None => (String::new(), String::new()),
        };
        let mut block_lines = Vec::new();
        wrap(&block.text, &first, &rest, &mut block_lines);
        lines.extend(block_lines);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::markdown;

    fn md(html: &str) -> String {
        markdown(html).join("\n")
    }

    #[test]
    fn paragraphs_code_links_and_emphasis() {
        assert_eq!(
            md("<p>Creates a <code>Table</code>. See <a href=\"https://docs.aws.amazon.com/x\">the guide</a>.</p><p><b>Bold</b> and <i>it</i>.</p>"),
            "Creates a `Table`. See [the guide](https://docs.aws.amazon.com/x).\n\n**Bold** and *it*."
        );
    }

    #[test]
    fn lists_notes_and_entities() {
        assert_eq!(
            md("<ul><li><p>One &amp; two</p></li><li>a &lt;b&gt;</li></ul><note><p>Careful</p></note>"),
            "- One & two\n- a &lt;b>\n\n**Note:** Careful"
        );
        assert_eq!(
            md("<ol><li>first</li><li>second</li></ol>"),
            "1. first\n2. second"
        );
    }

    #[test]
    fn no_raw_tags_and_markdown_is_escaped() {
        let out =
            md("<p>Use <fullname>x</fullname> [a] *b* <unknown attr=\"1\">c</unknown> 1 < 2</p>");
        assert_eq!(out, "Use x \\[a\\] \\*b\\* c 1 &lt; 2");
        assert!(!md("<p>a <br/> b</p>").contains('<'));
    }

    #[test]
    fn long_text_wraps_and_never_starts_a_block() {
        let text = format!("<p>{} - not a list 1. nor this</p>", "word ".repeat(15));
        for line in markdown(&text) {
            assert!(line.len() <= 90, "{line}");
            assert!(!line.starts_with("- ") && !line.starts_with("1."), "{line}");
        }
    }

    #[test]
    fn pre_is_a_text_fence() {
        assert_eq!(
            md("<pre><code>{\"a\": 1}</code></pre>"),
            "```text\n{\"a\": 1}\n```"
        );
    }
}
