//! From a model and a list of operations to the declarations: which
//! shapes the operations reach, what each becomes in Rust, and its name.

mod emit;
mod fields;
mod kinds;
mod paginate;
mod support;
mod xml;

use std::collections::{BTreeSet, HashMap};

pub(crate) use kinds::Kind;

use crate::endpoints;
use crate::json::Json;
use crate::model::{target, Model};
use crate::naming::{type_ident, variant_ident};
use crate::protocol::Service;

/// Names the generated code must not shadow (its imports and the prelude).
const RESERVED: &[&str] = &[
    "Blob",
    "Box",
    "DateTime",
    "Default",
    "Document",
    "Err",
    "Error",
    "HashMap",
    "None",
    "Ok",
    "Option",
    "Result",
    "Self",
    "Some",
    "String",
    "Vec",
    "Clone",
    "Debug",
    "PartialEq",
];

/// One operation that is generated.
pub(crate) struct Op {
    pub(crate) name: String,
    pub(crate) struct_name: String,
    pub(crate) input: Option<String>,
    pub(crate) output: Option<String>,
    pub(crate) errors: Vec<String>,
    /// `endpoint = "..."` for this operation (`None`: the macros' default).
    pub(crate) endpoint: Option<String>,
}

/// Everything the emitter needs about the chosen operations.
pub(crate) struct Ctx<'a> {
    pub(crate) model: &'a Model,
    pub(crate) service: Service,
    pub(crate) paginators: Option<&'a Json>,
    /// `endpoint-rule-set-1.json`, when given.
    rule_set: Option<&'a Json>,
    /// `crate = "..."` on every declaration, when awsop is not `::awsop`.
    pub(crate) crate_path: Option<String>,
    /// Shape → Rust type name (structures, unions, enums).
    names: HashMap<String, String>,
    taken: BTreeSet<String>,
    /// Shapes declared with `#[aws_shape]`, in discovery order.
    pub(crate) order: Vec<String>,
    /// Shapes that are some operation's output or error (HTTP bindings count).
    pub(crate) outputs: BTreeSet<String>,
    pub(crate) ops: Vec<Op>,
    /// Every modeled error of the generated operations, in first-seen order.
    pub(crate) errors: Vec<String>,
    pub(crate) error_type: String,
    /// Operations left out, with why.
    pub(crate) left_out: Vec<(String, String)>,
}

impl<'a> Ctx<'a> {
    /// Plans the declarations of `operations` (each must exist in the model).
    pub(crate) fn new(
        model: &'a Model,
        service: Service,
        paginators: Option<&'a Json>,
        rule_set: Option<&'a Json>,
        crate_path: Option<String>,
        operations: &[String],
    ) -> Ctx<'a> {
        let mut ctx = Ctx {
            model,
            service,
            paginators,
            rule_set,
            crate_path,
            names: HashMap::new(),
            taken: RESERVED.iter().map(|s| s.to_string()).collect(),
            order: Vec::new(),
            outputs: BTreeSet::new(),
            ops: Vec::new(),
            errors: Vec::new(),
            error_type: String::new(),
            left_out: Vec::new(),
        };
        let service_name = variant_ident(&ctx.service.service_id);
        ctx.error_type = ctx.unique(&format!("{service_name}Error"));
        let mut planned = Vec::new();
        for name in operations {
            let Some(op) = model.operation(name) else {
                ctx.left_out
                    .push((name.clone(), "not an operation of this model".into()));
                continue;
            };
            match ctx.check(name, op) {
                Ok(plan) => planned.push(plan),
                Err(why) => ctx.left_out.push((name.clone(), why)),
            }
        }
        // Operation structs are named first: they own the plain names.
        for mut op in planned {
            op.struct_name = ctx.unique(&type_ident(&op.name));
            ctx.ops.push(op);
        }
        for i in 0..ctx.ops.len() {
            let (input, output, errors) = {
                let op = &ctx.ops[i];
                (op.input.clone(), op.output.clone(), op.errors.clone())
            };
            if let Some(input) = &input {
                // Checked by `check`: the walk cannot fail any more.
                let _ = ctx.discover_members(input);
            }
            if let Some(output) = &output {
                ctx.outputs.insert(output.clone());
                let _ = ctx.discover(output);
            }
            for error in errors {
                ctx.outputs.insert(error.clone());
                if !ctx.errors.contains(&error) {
                    ctx.errors.push(error.clone());
                }
                let _ = ctx.discover(&error);
            }
        }
        ctx
    }

    /// Whether the operation can be declared, and its shapes if so.
    fn check(&self, name: &str, op: &Json) -> Result<Op, String> {
        support::check(self, op)?;
        let shape_of = |key: &str| op.get(key).str("shape").map(str::to_string);
        let input = shape_of("input");
        if let Some(input) = &input {
            if self.model.shape_type(input)? != "structure" {
                return Err(format!("its input `{input}` is not a structure"));
            }
        }
        let errors = op
            .get("errors")
            .items()
            .iter()
            .map(|e| target(e, "an error reference"))
            .collect::<Result<Vec<_>, _>>()?;
        let endpoint = match self.rule_set {
            Some(rules) => {
                let url =
                    endpoints::aws_template(rules, op.get("staticContextParams")).map_err(|e| {
                        format!("{e} (the rules need input the macros do not pass to them yet)")
                    })?;
                self.service.endpoint_arg(url)
            }
            None => self.service.endpoint.clone(),
        };
        Ok(Op {
            name: name.to_string(),
            struct_name: String::new(),
            input,
            output: shape_of("output"),
            errors,
            endpoint,
        })
    }

    fn unique(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }

    fn discover(&mut self, name: &str) -> Result<(), String> {
        if self.names.contains_key(name) {
            return Ok(());
        }
        match self.kind(name)? {
            Kind::Enum | Kind::Struct | Kind::Union => {
                let rust = self.unique(&type_ident(name));
                self.names.insert(name.to_string(), rust);
                self.order.push(name.to_string());
                self.discover_members(name)
            }
            Kind::List { member, .. } => self.discover(&member),
            Kind::Map { value, .. } => self.discover(&value),
            Kind::Scalar(_) | Kind::Timestamp | Kind::Document => Ok(()),
        }
    }

    fn discover_members(&mut self, name: &str) -> Result<(), String> {
        for (member, reference) in self.model.shape(name)?.get("members").entries() {
            self.discover(&target(reference, &format!("member `{name}.{member}`"))?)?;
        }
        Ok(())
    }

    /// The members of a structure or union, in model order.
    pub(crate) fn members(&self, name: &str) -> Result<&'a [(String, Json)], String> {
        Ok(self.model.shape(name)?.get("members").entries())
    }

    pub(crate) fn type_name(&self, shape: &str) -> Result<String, String> {
        self.names
            .get(shape)
            .cloned()
            .ok_or_else(|| format!("shape `{shape}` has no generated type"))
    }
}

pub(crate) use emit::render;
