//! Smithy `@pattern` matching: the ECMA-262 subset service models use,
//! with Smithy's unanchored-search semantics.
//!
// Why not a regex crate: the team avoids dependencies, and the models only use
// a small subset (classes, groups, alternation, greedy quantifiers, `^`/`$`).
// Why a Pike VM rather than backtracking: the emulator matches untrusted input
// against patterns such as `.*(^...$|...).*`, which a backtracker explores in
// quadratic or exponential time; simulating the NFA is O(input × pattern)
// whatever the pattern.

use std::fmt;

/// A compiled pattern. `is_match` is true when the pattern matches anywhere
/// in the text (Smithy patterns are not implicitly anchored).
#[derive(Clone)]
pub(crate) struct Pattern {
    source: String,
    program: Vec<Inst>,
}

/// Why a pattern did not compile (an unsupported or malformed construct).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternError {
    pub(crate) pattern: String,
    pub(crate) reason: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pattern `{}`: {}", self.pattern, self.reason)
    }
}

impl std::error::Error for PatternError {}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

// Bounds the program so a model with `{1,100000}` cannot make the emulator
// allocate without limit.
const MAX_PROGRAM: usize = 20_000;

impl Pattern {
    /// Compiles an ECMA-262 pattern.
    pub(crate) fn new(source: &str) -> Result<Pattern, PatternError> {
        let fail = |reason: String| PatternError {
            pattern: source.to_owned(),
            reason,
        };
        let mut parser = Parser {
            chars: source.chars().collect(),
            pos: 0,
        };
        let ast = parser.disjunction().map_err(&fail)?;
        if parser.pos != parser.chars.len() {
            return Err(fail(format!("unexpected `{}`", parser.chars[parser.pos])));
        }
        let mut program = Vec::new();
        compile(&ast, &mut program).map_err(&fail)?;
        program.push(Inst::Match);
        Ok(Pattern {
            source: source.to_owned(),
            program,
        })
    }

    /// The pattern as written in the model.
    pub(crate) fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the pattern matches somewhere in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let n = self.program.len();
        let mut current = ThreadList::new(n);
        let mut next = ThreadList::new(n);
        for at in 0..=chars.len() {
            // Unanchored search: a new thread starts at every position.
            if self.add_thread(&mut current, 0, at, chars.len()) {
                return true;
            }
            let Some(&c) = chars.get(at) else { break };
            next.clear();
            for i in 0..current.pcs.len() {
                let pc = current.pcs[i];
                let advances = match &self.program[pc] {
                    Inst::Class(class) => class.matches(c),
                    Inst::Any => !is_line_terminator(c),
                    _ => false,
                };
                if advances && self.add_thread(&mut next, pc + 1, at + 1, chars.len()) {
                    return true;
                }
            }
            std::mem::swap(&mut current, &mut next);
        }
        false
    }

    /// Adds `pc` and everything reachable from it without consuming input;
    /// true if that reaches `Match`.
    fn add_thread(&self, list: &mut ThreadList, pc: usize, at: usize, len: usize) -> bool {
        let mut stack = vec![pc];
        while let Some(pc) = stack.pop() {
            if !list.insert(pc) {
                continue;
            }
            match self.program[pc] {
                Inst::Match => return true,
                Inst::Jmp(to) => stack.push(to),
                Inst::Split(first, second) => {
                    stack.push(second);
                    stack.push(first);
                }
                Inst::AssertStart if at == 0 => stack.push(pc + 1),
                Inst::AssertEnd if at == len => stack.push(pc + 1),
                Inst::AssertStart | Inst::AssertEnd | Inst::Class(_) | Inst::Any => {}
            }
        }
        false
    }
}

/// The threads alive at one input position: a sparse set of program counters.
struct ThreadList {
    pcs: Vec<usize>,
    present: Vec<bool>,
}

impl ThreadList {
    fn new(size: usize) -> Self {
        ThreadList {
            pcs: Vec::with_capacity(size),
            present: vec![false; size],
        }
    }

    fn insert(&mut self, pc: usize) -> bool {
        if self.present[pc] {
            return false;
        }
        self.present[pc] = true;
        self.pcs.push(pc);
        true
    }

    fn clear(&mut self) {
        for &pc in &self.pcs {
            self.present[pc] = false;
        }
        self.pcs.clear();
    }
}

// ECMA-262 `.` matches anything but these four.
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

#[derive(Debug, Clone)]
enum Inst {
    Class(Class),
    Any,
    Split(usize, usize),
    Jmp(usize),
    AssertStart,
    AssertEnd,
    Match,
}

/// A set of characters: inclusive ranges, possibly complemented.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Class {
    ranges: Vec<(char, char)>,
    // Complemented escapes such as `\D` inside `[...]`.
    excluded: Vec<Vec<(char, char)>>,
    negated: bool,
}

impl Class {
    fn single(c: char) -> Class {
        Class {
            ranges: vec![(c, c)],
            excluded: Vec::new(),
            negated: false,
        }
    }

    fn matches(&self, c: char) -> bool {
        let inside = |ranges: &[(char, char)]| ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
        let found = inside(&self.ranges) || self.excluded.iter().any(|set| !inside(set));
        found != self.negated
    }
}

const DIGIT: &[(char, char)] = &[('0', '9')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
const SPACE: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{feff}', '\u{feff}'),
];

#[derive(Debug, Clone)]
enum Node {
    Empty,
    Class(Class),
    Any,
    Start,
    End,
    Concat(Vec<Node>),
    Alternate(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn disjunction(&mut self) -> Result<Node, String> {
        let mut branches = vec![self.alternative()?];
        while self.eat('|') {
            branches.push(self.alternative()?);
        }
        Ok(if branches.len() == 1 {
            branches.remove(0)
        } else {
            Node::Alternate(branches)
        })
    }

    fn alternative(&mut self) -> Result<Node, String> {
        let mut terms = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            terms.push(self.quantified(atom)?);
        }
        Ok(match terms.len() {
            0 => Node::Empty,
            1 => terms.remove(0),
            _ => Node::Concat(terms),
        })
    }

    fn atom(&mut self) -> Result<Node, String> {
        let c = self.peek().ok_or("unexpected end")?;
        self.pos += 1;
        Ok(match c {
            '^' => Node::Start,
            '$' => Node::End,
            '.' => Node::Any,
            '(' => {
                if self.eat('?') && !self.eat(':') {
                    return Err("lookaround and named groups are not supported".into());
                }
                let inner = self.disjunction()?;
                if !self.eat(')') {
                    return Err("unclosed group".into());
                }
                inner
            }
            '[' => Node::Class(self.class()?),
            '\\' => Node::Class(self.escape()?),
            '*' | '+' | '?' | '{' => return Err(format!("nothing to repeat before `{c}`")),
            ')' | ']' | '}' => return Err(format!("unbalanced `{c}`")),
            other => Node::Class(Class::single(other)),
        })
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some(c @ ('*' | '+' | '?')) => {
                self.pos += 1;
                match c {
                    '*' => (0, None),
                    '+' => (1, None),
                    _ => (0, Some(1)),
                }
            }
            Some('{') => {
                self.pos += 1;
                let min = self.number()?;
                let max = if self.eat(',') {
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(self.number()?)
                    }
                } else {
                    Some(min)
                };
                if !self.eat('}') {
                    return Err("unclosed `{`".into());
                }
                if max.is_some_and(|max| max < min) {
                    return Err("repetition range out of order".into());
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        // Laziness changes which match is found, never whether one exists.
        self.eat('?');
        if matches!(atom, Node::Start | Node::End) {
            return Err("nothing to repeat".into());
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
        })
    }

    fn number(&mut self) -> Result<u32, String> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits
            .parse()
            .map_err(|_| format!("bad repetition count `{digits}`"))
    }

    /// After a `\`: a class escape or an escaped literal.
    fn escape(&mut self) -> Result<Class, String> {
        let c = self.peek().ok_or("trailing backslash")?;
        self.pos += 1;
        let set = |ranges: &[(char, char)], negated: bool| Class {
            ranges: ranges.to_vec(),
            excluded: Vec::new(),
            negated,
        };
        Ok(match c {
            'd' => set(DIGIT, false),
            'D' => set(DIGIT, true),
            'w' => set(WORD, false),
            'W' => set(WORD, true),
            's' => set(SPACE, false),
            'S' => set(SPACE, true),
            't' => Class::single('\t'),
            'n' => Class::single('\n'),
            'r' => Class::single('\r'),
            'f' => Class::single('\u{c}'),
            'v' => Class::single('\u{b}'),
            'u' => Class::single(self.unicode_escape()?),
            c if c.is_ascii_punctuation() => Class::single(c),
            other => return Err(format!("unsupported escape `\\{other}`")),
        })
    }

    fn unicode_escape(&mut self) -> Result<char, String> {
        let digits: String = self.chars.iter().skip(self.pos).take(4).collect();
        let value = (digits.len() == 4 && digits.chars().all(|d| d.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
            .and_then(char::from_u32)
            .ok_or_else(|| format!("bad unicode escape `\\u{digits}`"))?;
        self.pos += 4;
        Ok(value)
    }

    /// After a `[`: a character class up to its `]`.
    fn class(&mut self) -> Result<Class, String> {
        let mut class = Class {
            ranges: Vec::new(),
            excluded: Vec::new(),
            negated: self.eat('^'),
        };
        loop {
            let c = self.peek().ok_or("unclosed `[`")?;
            self.pos += 1;
            if c == ']' {
                return Ok(class);
            }
            let lo = if c == '\\' {
                let escaped = self.escape()?;
                match single_char(&escaped) {
                    Some(ch) => ch,
                    None => {
                        add_set(&mut class, escaped);
                        continue;
                    }
                }
            } else {
                c
            };
            // `a-z` is a range unless the `-` is last: `[a-]` is `a` or `-`.
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&n| n != ']') {
                self.pos += 1;
                let c = self.peek().ok_or("unclosed `[`")?;
                self.pos += 1;
                let hi = if c == '\\' {
                    single_char(&self.escape()?).ok_or("class escape as a range bound")?
                } else {
                    c
                };
                if hi < lo {
                    return Err(format!("range `{lo}-{hi}` out of order"));
                }
                class.ranges.push((lo, hi));
            } else {
                class.ranges.push((lo, lo));
            }
        }
    }
}

fn single_char(class: &Class) -> Option<char> {
    match (class.ranges.as_slice(), class.negated) {
        ([(lo, hi)], false) if lo == hi && class.excluded.is_empty() => Some(*lo),
        _ => None,
    }
}

fn add_set(class: &mut Class, escaped: Class) {
    if escaped.negated {
        class.excluded.push(escaped.ranges);
    } else {
        class.ranges.extend(escaped.ranges);
    }
}

fn emit(program: &mut Vec<Inst>, inst: Inst) -> Result<usize, String> {
    if program.len() >= MAX_PROGRAM {
        return Err("pattern too large".into());
    }
    program.push(inst);
    Ok(program.len() - 1)
}

fn compile(node: &Node, program: &mut Vec<Inst>) -> Result<(), String> {
    match node {
        Node::Empty => {}
        Node::Class(class) => {
            emit(program, Inst::Class(class.clone()))?;
        }
        Node::Any => {
            emit(program, Inst::Any)?;
        }
        Node::Start => {
            emit(program, Inst::AssertStart)?;
        }
        Node::End => {
            emit(program, Inst::AssertEnd)?;
        }
        Node::Concat(nodes) => {
            for node in nodes {
                compile(node, program)?;
            }
        }
        Node::Alternate(branches) => {
            // split L1, next; L1: branch; jmp end; next: split ... ; last branch
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = emit(program, Inst::Split(0, 0))?;
                    compile(branch, program)?;
                    jumps.push(emit(program, Inst::Jmp(0))?);
                    let next = program.len();
                    program[split] = Inst::Split(split + 1, next);
                } else {
                    compile(branch, program)?;
                }
            }
            let end = program.len();
            for jump in jumps {
                program[jump] = Inst::Jmp(end);
            }
        }
        Node::Repeat { node, min, max } => {
            for _ in 0..*min {
                compile(node, program)?;
            }
            match max {
                None => {
                    // loop: split body, out; body; jmp loop
                    let split = emit(program, Inst::Split(0, 0))?;
                    compile(node, program)?;
                    emit(program, Inst::Jmp(split))?;
                    let out = program.len();
                    program[split] = Inst::Split(split + 1, out);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(emit(program, Inst::Split(0, 0))?);
                        compile(node, program)?;
                    }
                    let out = program.len();
                    for split in splits {
                        program[split] = Inst::Split(split + 1, out);
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
