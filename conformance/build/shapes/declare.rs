//! Writing the declarations: the operation struct, structures, enums and
//! unions in the macro user syntax.

use std::fmt::Write as _;

use super::*;

impl Ctx<'_> {
    /// Every declaration of the suite.
    /// With `only_errors`, the operation and output structs are never built
    /// (only the error enum is exercised) and say so to the dead-code lint.
    pub fn declarations(
        &self,
        operation: &crate::model::Given<'_>,
        only_errors: bool,
    ) -> Gen<String> {
        let unused = if only_errors {
            "#[allow(dead_code)] // only the operation's errors are exercised\n"
        } else {
            ""
        };
        let mut out = String::new();
        self.operation_struct(operation, unused, &mut out)?;
        if self.output.is_none() {
            out.push_str(unused);
            writeln!(out, "#[aws_shape]").ok();
            writeln!(out, "#[derive(Debug, Clone, Default, PartialEq)]").ok();
            writeln!(out, "pub struct {} {{}}\n", self.output_type).ok();
        }
        if let Some(error_type) = &self.error_type {
            writeln!(out, "#[aws_shape(errors)]").ok();
            writeln!(out, "#[derive(Debug, Clone, PartialEq)]").ok();
            writeln!(out, "pub enum {error_type} {{").ok();
            for error in &self.errors {
                let rust = self.type_name(error)?;
                let variant = pascal_ident(error);
                if variant != *error {
                    writeln!(out, "    #[aws(rename = {})]", str_lit(error)).ok();
                }
                writeln!(out, "    {variant}({rust}),").ok();
            }
            writeln!(out, "}}\n").ok();
        }
        for shape in &self.order {
            let is_output = Some(shape) == self.output.as_ref();
            let role = if is_output || self.errors.contains(shape) {
                Role::Output
            } else {
                Role::Nested
            };
            if is_output {
                out.push_str(unused);
            }
            match self.kind(shape)? {
                Kind::Struct => self.struct_decl(shape, role, &mut out)?,
                Kind::Union => self.union_decl(shape, &mut out)?,
                Kind::Enum => self.enum_decl(shape, &mut out)?,
                _ => {}
            }
        }
        Ok(out)
    }

    fn operation_struct(
        &self,
        op: &crate::model::Given<'_>,
        unused: &str,
        out: &mut String,
    ) -> Gen<()> {
        let fields = match &self.input {
            Some(input) => self.fields(input, Role::Input)?,
            None => Vec::new(),
        };
        let mut args = vec![format!("service = {}", str_lit(&self.protocol.service))];
        args.extend(self.protocol.operation_args());
        if self.protocol.http_bindings {
            args.push(format!("method = {}", str_lit(op.method)));
            args.push(format!("uri = {}", str_lit(op.uri)));
            args.push(format!("status = {}", op.status));
        }
        args.push(format!("output = {}", self.output_type));
        if let Some(error_type) = &self.error_type {
            args.push(format!("error = {error_type}"));
        }
        args.push(format!("name = {}", str_lit(op.name)));
        if let Some(prefix) = op.host_prefix {
            args.push(format!("host_prefix = {}", str_lit(prefix)));
        }
        args.extend(self.xml_operation_args(op.input_ref)?);
        out.push_str(unused);
        writeln!(out, "#[aws_operation(\n    {}\n)]", args.join(",\n    ")).ok();
        writeln!(out, "#[derive(Debug, Clone, Default, PartialEq)]").ok();
        if self.input.is_none() {
            // No input shape at all: a unit struct, which RPC protocols
            // send without a body.
            writeln!(out, "pub struct {};\n", self.op_type).ok();
            return Ok(());
        }
        self.struct_body(&self.op_type, &fields, out);
        Ok(())
    }

    fn struct_decl(&self, shape: &str, role: Role, out: &mut String) -> Gen<()> {
        let fields = self.fields(shape, role)?;
        let args = self.xml_shape_args(shape)?;
        if args.is_empty() {
            writeln!(out, "#[aws_shape]").ok();
        } else {
            writeln!(out, "#[aws_shape({})]", args.join(", ")).ok();
        }
        writeln!(out, "#[derive(Debug, Clone, Default, PartialEq)]").ok();
        self.struct_body(&self.type_name(shape)?, &fields, out);
        Ok(())
    }

    fn struct_body(&self, name: &str, fields: &[Field], out: &mut String) {
        if fields.is_empty() {
            writeln!(out, "pub struct {name} {{}}\n").ok();
            return;
        }
        writeln!(out, "pub struct {name} {{").ok();
        for field in fields {
            if !field.attrs.is_empty() {
                writeln!(out, "    #[aws({})]", field.attrs.join(", ")).ok();
            }
            writeln!(out, "    pub {}: {},", field.ident, field.ty).ok();
        }
        writeln!(out, "}}\n").ok();
    }

    /// Variant name → wire value, for a string enum (the macro adds `Unknown`).
    pub fn enum_variants(&self, shape: &str) -> Gen<Vec<(String, String)>> {
        let values = self
            .shape(shape)?
            .get("enum")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("enum `{shape}` has no value list"))?;
        let mut used = BTreeSet::from(["Unknown".to_string()]);
        values
            .iter()
            .map(|v| {
                let value = v
                    .as_str()
                    .ok_or_else(|| format!("enum `{shape}` has a non-string value"))?;
                let mut variant = pascal_ident(value);
                while !used.insert(variant.clone()) {
                    variant.push('_');
                }
                Ok((variant, value.to_string()))
            })
            .collect()
    }

    fn enum_decl(&self, shape: &str, out: &mut String) -> Gen<()> {
        writeln!(out, "#[aws_shape]").ok();
        writeln!(out, "#[derive(Debug, Clone, PartialEq, Eq, Hash)]").ok();
        writeln!(out, "pub enum {} {{", self.type_name(shape)?).ok();
        for (variant, value) in self.enum_variants(shape)? {
            if default_enum_wire(&variant) != value {
                writeln!(out, "    #[aws(rename = {})]", str_lit(&value)).ok();
            }
            writeln!(out, "    {variant},").ok();
        }
        writeln!(out, "}}\n").ok();
        Ok(())
    }

    /// Member name → (variant, member shape, boxed), for a union.
    pub fn union_variants(&self, shape: &str) -> Gen<Vec<(String, String, String, bool)>> {
        let mut used = BTreeSet::from(["Unknown".to_string()]);
        self.members(shape)?
            .iter()
            .map(|(member, reference)| {
                let member_shape = target(reference, &format!("union member `{shape}.{member}`"))?;
                let mut variant = pascal_ident(member);
                while !used.insert(variant.clone()) {
                    variant.push('_');
                }
                let boxed = self.needs_box(shape, &member_shape)?;
                Ok((member.clone(), variant, member_shape, boxed))
            })
            .collect()
    }

    fn union_decl(&self, shape: &str, out: &mut String) -> Gen<()> {
        writeln!(out, "#[aws_shape]").ok();
        writeln!(out, "#[derive(Debug, Clone, PartialEq)]").ok();
        writeln!(out, "pub enum {} {{", self.type_name(shape)?).ok();
        let members = self.members(shape)?;
        for (member, variant, member_shape, boxed) in self.union_variants(shape)? {
            let wire = members
                .get(&member)
                .and_then(|r| r.get("locationName"))
                .and_then(Value::as_str)
                .unwrap_or(&member);
            let mut attrs = Vec::new();
            if default_variant_wire(&variant) != wire {
                attrs.push(format!("rename = {}", str_lit(wire)));
            }
            if let Some(format) = self.timestamp_format(&member_shape)? {
                attrs.push(format!("timestamp_format = {}", str_lit(format)));
            }
            if !attrs.is_empty() {
                writeln!(out, "    #[aws({})]", attrs.join(", ")).ok();
            }
            let mut ty = self.rust_type(&member_shape)?;
            if boxed {
                ty = format!("Box<{ty}>");
            }
            writeln!(out, "    {variant}({ty}),").ok();
        }
        writeln!(out, "}}\n").ok();
        Ok(())
    }

    /// The input shape's name, if the operation has one.
    pub fn input(&self) -> Option<&str> {
        self.input.as_deref()
    }
}
