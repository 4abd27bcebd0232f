//! `#[aws_shape]`: structures, string and int enums, unions, collections,
//! documents, blobs, timestamps and floats, written and read as JSON.

use std::collections::HashMap;

// The JSON codec is not public API: these tests reach it the way generated
// code does, to pin each shape's wire form.
use awsop::__private::codec::json::{JsonShapeReader, JsonShapeWriter};
use awsop::__private::shape::{ReadValue, Shape, WriteValue, ROOT};
use awsop::{aws_shape, Blob, DateTime, Document};

fn write<T: WriteValue>(value: &T) -> serde_json::Value {
    let mut w = JsonShapeWriter::with_capacity(64);
    value.write(&mut w, &ROOT);
    serde_json::from_slice(&w.finish().unwrap()).unwrap()
}

fn read<T: ReadValue>(json: &str) -> Result<T, awsop::runtime::error::ParseError> {
    JsonShapeReader::read_document(json.as_bytes()).map_err(|e| e.in_root("Shape"))
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum FooEnum {
    // Other attributes on variants are kept.
    #[default]
    #[aws(rename = "Foo")]
    Foo,
    #[aws(rename = "0")]
    Zero,
    IamRoleSession,
}

#[aws_shape]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntegerEnum {
    A = 1,
    B = 2,
    Negative = -3,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GreetingStruct {
    pub hi: Option<String>,
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum MyUnion {
    StringValue(String),
    BooleanValue(bool),
    NumberValue(i32),
    BlobValue(Blob),
    TimestampValue(DateTime),
    #[aws(timestamp_format = "date-time")]
    DateTimeValue(DateTime),
    EnumValue(FooEnum),
    ListValue(Vec<String>),
    MapValue(HashMap<String, String>),
    StructureValue(GreetingStruct),
    #[aws(rename = "FOO")]
    Renamed(String),
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Everything {
    pub string: Option<String>,
    pub required_string: String,
    pub required_int: i32,
    pub required_list: Vec<i64>,
    pub required_enum: FooEnum,
    pub required_union: MyUnion,
    pub boolean: Option<bool>,
    pub byte: Option<i8>,
    pub short: Option<i16>,
    pub long: Option<i64>,
    pub float: Option<f32>,
    pub double: Option<f64>,
    pub blob: Option<Blob>,
    pub timestamp: Option<DateTime>,
    #[aws(timestamp_format = "date-time")]
    pub date_time: Option<DateTime>,
    #[aws(timestamp_format = "http-date")]
    pub http_date: Option<DateTime>,
    #[aws(timestamp_format = "date-time")]
    pub date_time_list: Option<Vec<DateTime>>,
    pub document: Option<Document>,
    pub enum_value: Option<FooEnum>,
    pub int_enum: Option<IntegerEnum>,
    pub enum_map: Option<HashMap<String, FooEnum>>,
    pub enum_keyed_map: Option<HashMap<FooEnum, i32>>,
    pub int_enum_list: Option<Vec<IntegerEnum>>,
    pub sparse_list: Option<Vec<Option<String>>>,
    pub sparse_map: Option<HashMap<String, Option<String>>>,
    pub dense_set_map: Option<HashMap<String, Vec<String>>>,
    pub structure_list: Option<Vec<GreetingStruct>>,
    pub union: Option<MyUnion>,
    #[aws(rename = "Renamed_Member")]
    pub renamed: Option<String>,
}

impl Default for MyUnion {
    fn default() -> Self {
        MyUnion::StringValue(String::new())
    }
}

#[test]
fn string_enums() {
    assert_eq!(FooEnum::IamRoleSession.as_str(), "IAM_ROLE_SESSION");
    assert_eq!(FooEnum::from("0"), FooEnum::Zero);
    assert_eq!(FooEnum::values(), ["Foo", "0", "IAM_ROLE_SESSION"]);
    let unknown: FooEnum = "SOMETHING_NEW".parse().unwrap();
    assert_eq!(unknown, FooEnum::Unknown("SOMETHING_NEW".into()));
    assert_eq!(unknown.as_str(), "SOMETHING_NEW");
    assert_eq!(unknown.to_string(), "SOMETHING_NEW");
    // Unknown values go back out unchanged.
    assert_eq!(write(&vec![unknown]), serde_json::json!(["SOMETHING_NEW"]));
    assert_eq!(
        read::<FooEnum>("\"IAM_ROLE_SESSION\"").unwrap(),
        FooEnum::IamRoleSession
    );
    assert!(read::<FooEnum>("1").is_err());
}

#[test]
fn int_enums() {
    assert_eq!(IntegerEnum::B.as_i32(), 2);
    assert_eq!(IntegerEnum::from(-3), IntegerEnum::Negative);
    assert_eq!(IntegerEnum::from(9), IntegerEnum::Unknown(9));
    assert_eq!(IntegerEnum::values(), [1, 2, -3]);
    assert_eq!(
        write(&vec![IntegerEnum::A, IntegerEnum::Unknown(7)]),
        serde_json::json!([1, 7])
    );
    assert_eq!(
        read::<Vec<IntegerEnum>>("[1, 2, 42]").unwrap(),
        [IntegerEnum::A, IntegerEnum::B, IntegerEnum::Unknown(42)]
    );
}

#[test]
fn unions_write_one_member() {
    let cases: Vec<(MyUnion, serde_json::Value)> = vec![
        (
            MyUnion::StringValue("foo".into()),
            serde_json::json!({"stringValue": "foo"}),
        ),
        (
            MyUnion::BooleanValue(true),
            serde_json::json!({"booleanValue": true}),
        ),
        (
            MyUnion::NumberValue(1),
            serde_json::json!({"numberValue": 1}),
        ),
        (
            MyUnion::BlobValue(Blob::new("foo")),
            serde_json::json!({"blobValue": "Zm9v"}),
        ),
        (
            MyUnion::TimestampValue(DateTime::from_secs(1_398_796_238)),
            serde_json::json!({"timestampValue": 1398796238}),
        ),
        (
            MyUnion::DateTimeValue(DateTime::from_secs(1_398_796_238)),
            serde_json::json!({"dateTimeValue": "2014-04-29T18:30:38Z"}),
        ),
        (
            MyUnion::EnumValue(FooEnum::Foo),
            serde_json::json!({"enumValue": "Foo"}),
        ),
        (
            MyUnion::ListValue(vec!["foo".into(), "bar".into()]),
            serde_json::json!({"listValue": ["foo", "bar"]}),
        ),
        (
            MyUnion::MapValue(HashMap::from([
                ("foo".into(), "bar".into()),
                ("spam".into(), "eggs".into()),
            ])),
            serde_json::json!({"mapValue": {"foo": "bar", "spam": "eggs"}}),
        ),
        (
            MyUnion::StructureValue(GreetingStruct {
                hi: Some("hello".into()),
            }),
            serde_json::json!({"structureValue": {"hi": "hello"}}),
        ),
        (
            MyUnion::Renamed("hi".into()),
            serde_json::json!({"FOO": "hi"}),
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(write(&value), expected);
        assert_eq!(read::<MyUnion>(&expected.to_string()).unwrap(), value);
        assert!(!value.member_name().is_empty());
    }
}

#[test]
fn unions_read_leniently_but_refuse_two_members() {
    let read_union = read::<MyUnion>;
    assert_eq!(
        read_union(r#"{"__type": "aws.protocoltests#MyUnion", "structureValue": {"hi": "hello"}}"#)
            .unwrap(),
        MyUnion::StructureValue(GreetingStruct {
            hi: Some("hello".into())
        })
    );
    assert_eq!(
        read_union(r#"{"stringValue": null, "numberValue": 3}"#).unwrap(),
        MyUnion::NumberValue(3)
    );
    let unknown = read_union(r#"{"brandNewMember": {"x": 1}}"#).unwrap();
    assert_eq!(unknown, MyUnion::Unknown("brandNewMember".into()));
    assert_eq!(unknown.member_name(), "brandNewMember");
    let err = read_union(r#"{"stringValue": "a", "numberValue": 3}"#).unwrap_err();
    assert!(err.to_string().contains("more than one member"), "{err}");
    assert!(read_union("{}").is_err());
}

#[test]
fn structures_round_trip() {
    let value = Everything {
        string: Some("s".into()),
        required_string: String::new(),
        required_int: 0,
        required_list: vec![],
        required_enum: FooEnum::Zero,
        required_union: MyUnion::NumberValue(0),
        boolean: Some(false),
        byte: Some(-1),
        short: Some(300),
        long: Some(i64::MAX),
        float: Some(1.5),
        double: Some(-0.25),
        blob: Some(Blob::new(vec![0u8, 255, 10])),
        timestamp: Some(DateTime::from_millis(946_845_296_123)),
        date_time: Some(DateTime::from_secs(1_398_796_238)),
        http_date: Some(DateTime::from_secs(1_398_796_238)),
        date_time_list: Some(vec![DateTime::from_secs(0)]),
        document: Some(Document::Object(HashMap::from([(
            "k".into(),
            Document::from(vec![Document::Null]),
        )]))),
        enum_value: Some(FooEnum::Unknown("NEW".into())),
        int_enum: Some(IntegerEnum::Unknown(5)),
        enum_map: Some(HashMap::from([
            ("hi".into(), FooEnum::Foo),
            ("zero".into(), FooEnum::Zero),
        ])),
        enum_keyed_map: Some(HashMap::from([(FooEnum::Foo, 1)])),
        int_enum_list: Some(vec![IntegerEnum::A]),
        sparse_list: Some(vec![None, Some("x".into())]),
        sparse_map: Some(HashMap::from([("n".into(), None)])),
        dense_set_map: Some(HashMap::from([
            ("x".into(), vec![]),
            ("y".into(), vec!["a".into(), "b".into()]),
        ])),
        structure_list: Some(vec![
            GreetingStruct::default(),
            GreetingStruct {
                hi: Some("x".into()),
            },
        ]),
        union: Some(MyUnion::ListValue(vec![])),
        renamed: Some("r".into()),
    };
    let json = write(&value);
    assert_eq!(
        json,
        serde_json::json!({
            "string": "s",
            "requiredString": "",
            "requiredInt": 0,
            "requiredList": [],
            "requiredEnum": "0",
            "requiredUnion": {"numberValue": 0},
            "boolean": false,
            "byte": -1,
            "short": 300,
            "long": i64::MAX,
            "float": 1.5,
            "double": -0.25,
            "blob": "AP8K",
            "timestamp": 946845296.123,
            "dateTime": "2014-04-29T18:30:38Z",
            "httpDate": "Tue, 29 Apr 2014 18:30:38 GMT",
            "dateTimeList": ["1970-01-01T00:00:00Z"],
            "document": {"k": [null]},
            "enumValue": "NEW",
            "intEnum": 5,
            "enumMap": {"hi": "Foo", "zero": "0"},
            "enumKeyedMap": {"Foo": 1},
            "intEnumList": [1],
            "sparseList": [null, "x"],
            "sparseMap": {"n": null},
            "denseSetMap": {"x": [], "y": ["a", "b"]},
            "structureList": [{}, {"hi": "x"}],
            "union": {"listValue": []},
            "Renamed_Member": "r",
        })
    );
    assert_eq!(read::<Everything>(&json.to_string()).unwrap(), value);
}

#[test]
fn reading_is_forgiving_where_it_should_be() {
    // Unknown members are ignored, nulls are absent, required members
    // that are missing get their zero value, dense collections skip nulls.
    let value: Everything = read(
        r#"{"string": null, "unknownField": {"deep": [1, 2]}, "requiredList": [1, null, 2],
            "denseSetMap": {"x": [], "z": null}, "sparseList": [null], "long": 7}"#,
    )
    .unwrap();
    assert_eq!(value.string, None);
    assert_eq!(value.required_string, "");
    assert_eq!(value.required_int, 0);
    assert_eq!(value.required_list, [1, 2]);
    assert_eq!(value.required_enum, FooEnum::Unknown(String::new()));
    assert_eq!(value.required_union, MyUnion::Unknown(String::new()));
    assert_eq!(
        value.dense_set_map,
        Some(HashMap::from([("x".to_string(), vec![])]))
    );
    assert_eq!(value.sparse_list, Some(vec![None]));
    assert_eq!(value.long, Some(7));
}

#[test]
fn timestamps_and_floats_in_any_accepted_form() {
    let value: Everything = read(
        r#"{"timestamp": "2019-12-16T22:48:18-01:00", "dateTime": 1576540098,
            "httpDate": "Mon, 16 Dec 2019 23:48:18 GMT", "dateTimeList": ["2000-01-02T20:34:56.123Z"],
            "float": "-Infinity", "double": "NaN"}"#,
    )
    .unwrap();
    let t = DateTime::from_secs(1_576_540_098);
    assert_eq!(value.timestamp, Some(t));
    assert_eq!(value.date_time, Some(t));
    assert_eq!(value.http_date, Some(t));
    assert_eq!(
        value.date_time_list,
        Some(vec![DateTime::from_millis(946_845_296_123)])
    );
    assert_eq!(value.float, Some(f32::NEG_INFINITY));
    assert!(value.double.unwrap().is_nan());
}

#[test]
fn parse_errors_name_the_member_path() {
    let err = read::<Everything>(r#"{"structureList": [{"hi": "a"}, {"hi": 5}]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected a string at `Shape.structureList[1].hi`, found a number"
    );
    let err = read::<Everything>(r#"{"union": {"mapValue": {"k": true}}}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected a string at `Shape.union.mapValue[\"k\"]`, found a boolean"
    );
    let err = read::<Everything>(r#"{"byte": 1000}"#).unwrap_err();
    assert!(err.to_string().contains("Shape.byte"), "{err}");
    let err = read::<Everything>(r#"{"blob": "not base64!"}"#).unwrap_err();
    assert!(err.to_string().contains("Shape.blob"), "{err}");
    let err = read::<Everything>(r#"{"timestamp": "yesterday"}"#).unwrap_err();
    assert!(err.to_string().contains("Shape.timestamp"), "{err}");
    assert!(read::<Everything>("[]").is_err());
}

#[test]
fn documents_of_every_kind() {
    for json in [
        "{\"foo\": \"bar\"}",
        "\"hello\"",
        "10",
        "-10",
        "1.5",
        "false",
        "[true, false]",
        "null",
    ] {
        let doc: Document = read(json).unwrap();
        assert_eq!(
            write(&doc),
            serde_json::from_str::<serde_json::Value>(json).unwrap()
        );
    }
}

#[test]
fn recursive_shapes_read() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct Node {
        value: Option<i32>,
        next: Option<Box<Node>>,
        children: Vec<Node>,
    }
    let node: Node =
        read(r#"{"value": 1, "next": {"value": 2, "children": [{"value": 3}]}}"#).unwrap();
    assert_eq!(node.next.as_ref().unwrap().children[0].value, Some(3));
    assert_eq!(read::<Node>(&write(&node).to_string()).unwrap(), node);
}

#[test]
fn sensitive_members_are_redacted() {
    #[aws_shape]
    #[derive(Clone, Default, PartialEq)]
    struct Profile {
        id: Option<String>,
        #[aws(sensitive)]
        first_name: Option<String>,
    }
    let p = Profile {
        id: Some("p1".into()),
        first_name: Some("Ada".into()),
    };
    let debug = format!("{p:?}");
    assert_eq!(
        debug,
        r#"Profile { id: Some("p1"), first_name: *** Sensitive Data Redacted *** }"#
    );
    assert!(!debug.contains("Ada"));
}

#[test]
fn structures_know_their_message() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct WithMessage {
        #[aws(rename = "Message")]
        message: Option<String>,
    }
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct WithoutMessage {
        code: Option<String>,
    }
    let m = WithMessage {
        message: Some("hi".into()),
    };
    assert_eq!(m.error_message(), Some("hi"));
    assert_eq!(WithoutMessage::default().error_message(), None);
    assert_eq!(<WithMessage as Shape>::SCHEMA.name, "WithMessage");
}

#[test]
fn unit_and_empty_structures() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct Unit;
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct Empty {}
    assert_eq!(write(&Unit), serde_json::json!({}));
    assert_eq!(read::<Empty>(r#"{"anything": 1}"#).unwrap(), Empty {});
    assert!(read::<Unit>("1").is_err());
}

/// DynamoDB's `AttributeValue` wire names (`S`, `NS`, `BOOL`, ...), as in
/// botocore's model: `rename_all` names a union's members too.
#[aws_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
enum AttributeValue {
    S(String),
    Ns(Vec<String>),
    Bool(bool),
    M(HashMap<String, AttributeValue>),
}

#[test]
fn rename_all_names_union_members() {
    let value = AttributeValue::M(HashMap::from([(
        "tags".to_owned(),
        AttributeValue::Ns(vec!["1".into()]),
    )]));
    assert_eq!(
        write(&value),
        serde_json::json!({"M": {"tags": {"NS": ["1"]}}})
    );
    assert_eq!(
        read::<AttributeValue>(r#"{"S":"x"}"#).unwrap(),
        AttributeValue::S("x".into())
    );
    assert_eq!(
        read::<AttributeValue>(r#"{"BOOL":true}"#).unwrap(),
        AttributeValue::Bool(true)
    );
}
