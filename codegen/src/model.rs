//! Reading botocore service models (`service-2.json`, gzipped or not) and
//! the files next to them (`paginators-1.json`, `endpoint-rule-set-1.json`).

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use crate::json::Json;
use crate::Error;

/// Reads a JSON file, gunzipping it when its name ends in `.gz`.
pub(crate) fn read_json(path: &Path) -> Result<Json, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(|e| Error::model(path, format!("not a gzip file: {e}")))?;
        out
    } else {
        bytes
    };
    Json::parse(&text).map_err(|e| Error::model(path, format!("not JSON: {e}")))
}

/// A service model: metadata, operations and shapes.
pub(crate) struct Model {
    pub(crate) doc: Json,
    index: HashMap<String, usize>,
}

impl Model {
    /// Checks the model's outline (`metadata`, `operations`, `shapes`).
    pub(crate) fn new(doc: Json, path: &Path) -> Result<Model, Error> {
        for key in ["metadata", "operations", "shapes"] {
            if !matches!(doc.get(key), Json::Object(_)) {
                return Err(Error::model(path, format!("no `{key}` object")));
            }
        }
        let index = doc
            .get("shapes")
            .entries()
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (name.clone(), i))
            .collect();
        Ok(Model { doc, index })
    }

    pub(crate) fn metadata(&self) -> &Json {
        self.doc.get("metadata")
    }

    /// Every operation, in model order.
    pub(crate) fn operations(&self) -> &[(String, Json)] {
        self.doc.get("operations").entries()
    }

    pub(crate) fn operation(&self, name: &str) -> Option<&Json> {
        match self.doc.get("operations").get(name) {
            Json::Null => None,
            op => Some(op),
        }
    }

    /// A shape, or why it is missing.
    pub(crate) fn shape(&self, name: &str) -> Result<&Json, String> {
        self.index
            .get(name)
            .map(|&i| &self.doc.get("shapes").entries()[i].1)
            .ok_or_else(|| format!("shape `{name}` is not defined"))
    }

    /// A shape's `type`.
    pub(crate) fn shape_type(&self, name: &str) -> Result<&str, String> {
        self.shape(name)?
            .str("type")
            .ok_or_else(|| format!("shape `{name}` has no type"))
    }
}

/// The `shape` a reference (member, list member, map key/value) targets.
pub(crate) fn target(reference: &Json, what: &str) -> Result<String, String> {
    reference
        .str("shape")
        .map(str::to_string)
        .ok_or_else(|| format!("{what} names no shape"))
}
