//! awsop-codegen: writes [awsop](https://docs.rs/awsop) declarations
//! (`#[aws_operation]` structs, `#[aws_shape]` types, the modeled errors
//! and paginators) for the operations you pick from an AWS service model
//! (botocore's `service-2.json`, gzipped or not).
//!
//! The output is one Rust module that compiles in any crate depending on
//! `awsop` alone. Use the command line (`awsop-codegen --model ... --out
//! ...`) to commit generated code, or this library from a `build.rs` to
//! generate at build time:
//!
//! ```no_run
//! // build.rs (its `fn main`), with `awsop-codegen` as a build-dependency
//! let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("dynamodb.rs");
//! awsop_codegen::generate("models/dynamodb.json.gz", &["GetItem", "PutItem", "Query"], &out)
//!     .expect("generating the DynamoDB operations");
//! println!("cargo:rerun-if-changed=models/dynamodb.json.gz");
//! ```
//!
//! and in the crate: `mod dynamodb { include!(concat!(env!("OUT_DIR"), "/dynamodb.rs")); }`.
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]
#![forbid(unsafe_code)]

mod docs;
mod endpoints;
mod error;
mod format;
mod gen;
mod json;
mod model;
mod naming;
mod protocol;

use std::path::{Path, PathBuf};

pub use error::Error;

/// Which operations to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operations {
    /// Every operation of the model.
    All,
    /// These, by their model names (`GetItem`).
    Only(Vec<String>),
}

/// A configured generation: the model, the files next to it, the
/// operations, and how to write the code.
///
/// ```no_run
/// use awsop_codegen::Generator;
///
/// let report = Generator::new("models/s3.json.gz")
///     .paginators("models/s3-paginators.json")
///     .operations(["ListObjectsV2", "HeadObject"])
///     .write("src/s3.rs")?;
/// assert!(report.left_out.is_empty());
/// # Ok::<(), awsop_codegen::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    model: PathBuf,
    paginators: Option<PathBuf>,
    endpoints: Option<PathBuf>,
    operations: Operations,
    crate_path: Option<String>,
    rustfmt: bool,
}

/// What a generation produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// The module's source text.
    pub code: String,
    /// The macros' name of the service's protocol (`restJson1`, `ec2Query`, ...).
    pub protocol: &'static str,
    /// The operations generated, in the order asked (model order for `All`).
    pub generated: Vec<String>,
    /// The operations left out, each with why (the module's header lists them too).
    pub left_out: Vec<(String, String)>,
}

impl Generator {
    /// A generation from `model` (`service-2.json` or `service-2.json.gz`),
    /// of every operation until [`operations`](Self::operations) says otherwise.
    pub fn new(model: impl Into<PathBuf>) -> Generator {
        Generator {
            model: model.into(),
            paginators: None,
            endpoints: None,
            operations: Operations::All,
            crate_path: None,
            rustfmt: true,
        }
    }

    /// botocore's `paginators-1.json`: paged operations get `paginate(&client)`.
    pub fn paginators(mut self, path: impl Into<PathBuf>) -> Generator {
        self.paginators = Some(path.into());
        self
    }

    /// botocore's `endpoint-rule-set-1.json(.gz)`: the aws partition's
    /// endpoint template comes from it (else from the model's `endpointPrefix`).
    pub fn endpoints(mut self, path: impl Into<PathBuf>) -> Generator {
        self.endpoints = Some(path.into());
        self
    }

    /// Only these operations (model names).
    pub fn operations<I, S>(mut self, names: I) -> Generator
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.operations = Operations::Only(names.into_iter().map(Into::into).collect());
        self
    }

    /// Every operation of the model.
    pub fn all_operations(mut self) -> Generator {
        self.operations = Operations::All;
        self
    }

    /// Where awsop is, when not `::awsop` (`"crate"` inside awsop itself):
    /// every declaration then says `crate = "..."`.
    pub fn crate_path(mut self, path: impl Into<String>) -> Generator {
        self.crate_path = Some(path.into());
        self
    }

    /// Whether to pass the code through `rustfmt` when it is installed
    /// (default: yes). The code is laid out close to rustfmt's style either way.
    pub fn rustfmt(mut self, on: bool) -> Generator {
        self.rustfmt = on;
        self
    }

    /// Generates the module without writing it.
    pub fn render(&self) -> Result<Generated, Error> {
        let doc = model::read_json(&self.model)?;
        let model = model::Model::new(doc, &self.model)?;
        // Without a paginators file, a `pagination` object in the model
        // itself (a model cut with its paginators) is used.
        let paginators = match &self.paginators {
            Some(path) => Some(model::read_json(path)?),
            None if model.doc.has("pagination") => Some(model.doc.clone()),
            None => None,
        };
        let rule_set = match &self.endpoints {
            Some(path) => Some(model::read_json(path)?),
            None => None,
        };
        // The service's own template, from the rules with no operation's
        // parameters; an operation whose parameters lead elsewhere (or
        // nowhere) is settled when it is planned.
        let endpoint = rule_set
            .as_ref()
            .and_then(|rules| endpoints::aws_template(rules, &json::Json::Null).ok());
        let service = protocol::Service::new(model.metadata(), endpoint)
            .map_err(|e| Error::model(&self.model, e))?;
        let names: Vec<String> = match &self.operations {
            Operations::All => model.operations().iter().map(|(n, _)| n.clone()).collect(),
            Operations::Only(names) => {
                let unknown: Vec<String> = names
                    .iter()
                    .filter(|n| model.operation(n).is_none())
                    .cloned()
                    .collect();
                if !unknown.is_empty() {
                    return Err(Error::unknown_operations(&self.model, unknown));
                }
                names.clone()
            }
        };
        let protocol = service.protocol;
        let ctx = gen::Ctx::new(
            &model,
            service,
            paginators.as_ref(),
            rule_set.as_ref(),
            self.crate_path.clone(),
            &names,
        );
        let source = self.model.file_name().map_or_else(
            || self.model.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut code = gen::render(&ctx, &source).map_err(|e| Error::model(&self.model, e))?;
        if self.rustfmt {
            if let Some(formatted) = format::rustfmt(&code) {
                code = formatted;
            }
        }
        Ok(Generated {
            code,
            protocol,
            generated: ctx.ops.iter().map(|o| o.name.clone()).collect(),
            left_out: ctx.left_out.clone(),
        })
    }

    /// Generates the module and writes it to `out` (also when some
    /// operations were left out: check [`Generated::left_out`]).
    pub fn write(&self, out: impl AsRef<Path>) -> Result<Generated, Error> {
        let generated = self.render()?;
        let out = out.as_ref();
        // Unchanged output is not rewritten, so a build script does not
        // make cargo rebuild what includes it.
        if std::fs::read_to_string(out).ok().as_deref() != Some(generated.code.as_str()) {
            std::fs::write(out, &generated.code).map_err(|e| Error::io(out, e))?;
        }
        Ok(generated)
    }
}

/// Generates `operations` of `model` into `out`: the build-script form.
/// Fails (after writing the rest) when an operation cannot be generated.
///
/// ```no_run
/// awsop_codegen::generate("models/sqs.json", &["SendMessage", "ReceiveMessage"], "src/sqs.rs")?;
/// # Ok::<(), awsop_codegen::Error>(())
/// ```
pub fn generate(
    model: impl AsRef<Path>,
    operations: &[&str],
    out: impl AsRef<Path>,
) -> Result<Generated, Error> {
    let generated = Generator::new(model.as_ref())
        .operations(operations.iter().copied())
        .write(out)?;
    if generated.left_out.is_empty() {
        Ok(generated)
    } else {
        Err(Error::left_out(model.as_ref(), generated.left_out.clone()))
    }
}
