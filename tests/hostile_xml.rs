//! Hostile XML from the server (issue 12, item 6), through the output and
//! the error parsing of real restXml, awsQuery and ec2Query operations,
//! over loopback: entity bombs, external entities, DOCTYPEs, nesting
//! 100,000 deep, invalid UTF-8, truncated documents, mismatched tags, a
//! 5 MB text node over the size cap, bad character references, unquoted
//! and duplicate attributes, junk after the root.
//!
//! Each is a typed error, never a panic, and takes memory in proportion to
//! the bytes sent (measured by a counting allocator), never to what an
//! entity would expand to. An output that is not XML is a response error
//! that says why; an error body that is not XML is the service's error
//! with its status, no code (nothing in the body is trusted), and the
//! body's start shown.

#[path = "support/peak_alloc.rs"]
mod peak_alloc;
#[path = "support/raw_server.rs"]
mod raw_server;
#[path = "support/xml_protocols.rs"]
mod xml_protocols;

use awsop::runtime::error::{DispatchErrorKind, ErrorKind};
use peak_alloc::{allocated_during, peak_during, Counting};
use raw_server::{RawServer, Reply};
use xml_protocols::*;

#[global_allocator]
static ALLOC: Counting = Counting;

// ---- the documents are right when nothing is hostile ------------------------

#[tokio::test]
async fn the_documents_parse_when_well_formed() {
    let server = RawServer::start().await;
    let client = client(&server, None);
    let parts = Parts {
        text: b"gone &amp; &#x41;&#66;<![CDATA[<x>]]>",
        sibling: b"<Unknown a=\"1\" b='2'><Deeper/></Unknown>",
        epilog: b"\n<!-- end -->\n",
        ..Parts::default()
    };
    for proto in PROTOCOLS {
        server.set(Reply::new(200, &[], proto.document(Role::Output, &parts)));
        let out = call(&client, proto).await.expect("parsed");
        assert_eq!(out.as_deref(), Some("gone & AB<x>"), "{proto:?}");

        server.set(Reply::new(400, &[], proto.document(Role::Error, &parts)));
        let err = call(&client, proto).await.expect_err("an error");
        assert_eq!(err.code(), Some("NotFound"), "{proto:?}: {err:?}");
        assert_eq!(err.message(), Some("gone & AB<x>"), "{proto:?}");
        assert_eq!(err.request_id(), Some("r-1"), "{proto:?}");
        assert!(matches!(
            err.service_error(),
            Some(HostileError::NotFound(_))
        ));
    }
}

// ---- entities and DTDs --------------------------------------------------------

#[tokio::test]
async fn billion_laughs_is_refused_not_expanded() {
    let mut dtd = String::from("<!DOCTYPE Note [<!ENTITY lol0 \"lol\">");
    for i in 1..=9 {
        let refs = format!("&lol{};", i - 1).repeat(10);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{refs}\">"));
    }
    dtd.push_str("]>");
    let server = Harness::start().await;
    let parts = Parts {
        prolog: dtd.as_bytes(),
        text: b"&lol9;",
        ..Parts::default()
    };
    refused_everywhere(&server, &parts, &["DOCTYPE"]).await;
    // The same bomb without its declarations: an unknown entity.
    let parts = Parts {
        text: b"&lol9;&lol9;",
        ..Parts::default()
    };
    refused_everywhere(&server, &parts, &["entity"]).await;
}

#[tokio::test]
async fn external_entities_are_refused() {
    let server = Harness::start().await;
    for (prolog, text) in [
        (
            &b"<!DOCTYPE Note [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"[..],
            &b"&xxe;"[..],
        ),
        (
            b"<!DOCTYPE Note [<!ENTITY xxe PUBLIC \"-//A//B\" \"http://127.0.0.1:9/x.dtd\">]>",
            b"&xxe;",
        ),
        (
            b"<!DOCTYPE Note SYSTEM \"http://127.0.0.1:9/note.dtd\">",
            b"x",
        ),
        (
            b"<!DOCTYPE Note PUBLIC \"-//A//B\" \"http://127.0.0.1:9/note.dtd\">",
            b"x",
        ),
        (
            b"<!DOCTYPE Note [<!ENTITY % pe SYSTEM \"http://127.0.0.1:9/pe\"> %pe;]>",
            b"x",
        ),
    ] {
        let parts = Parts {
            prolog,
            text,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["DOCTYPE"]).await;
    }
    // A reference to an entity no one declared.
    let parts = Parts {
        text: b"&xxe;",
        ..Parts::default()
    };
    refused_everywhere(&server, &parts, &["entity"]).await;
}

#[tokio::test]
async fn a_doctype_is_refused() {
    let server = Harness::start().await;
    for prolog in [
        &b"<!DOCTYPE Note>"[..],
        b"<!DOCTYPE Note [<!ELEMENT Note ANY>]>",
        b"<!DOCTYPE Note [<!ATTLIST Note Id CDATA \"injected\">]>",
        b"<!doctype Note>",
    ] {
        let parts = Parts {
            prolog,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["DOCTYPE"]).await;
    }
    // Declarations inside the document are no better.
    for sibling in [
        &b"<!DOCTYPE x>"[..],
        b"<!ENTITY e \"x\">",
        b"<!ELEMENT x ANY>",
    ] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["DOCTYPE"]).await;
    }
}

// ---- structure ------------------------------------------------------------------

#[tokio::test]
async fn nesting_100000_deep_is_an_error_not_a_stack_overflow() {
    const DEPTH: usize = 100_000;
    let closed = format!("{}{}", "<Deep>".repeat(DEPTH), "</Deep>".repeat(DEPTH));
    let self_closed = format!("{}<Deep/>{}", "<a>".repeat(DEPTH), "</a>".repeat(DEPTH));
    let unclosed = "<Deep>".repeat(DEPTH);
    let server = Harness::start().await;
    for sibling in [&closed, &self_closed, &unclosed] {
        let parts = Parts {
            sibling: sibling.as_bytes(),
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["deeper than the limit"]).await;
    }
    // As the whole document.
    for proto in PROTOCOLS {
        for role in ROLES {
            refused(&server, proto, role, closed.as_bytes(), &["deeper"]).await;
        }
    }
}

#[tokio::test]
async fn truncated_documents_are_errors() {
    let server = Harness::start().await;
    let parts = Parts {
        text: b"a &amp; b<![CDATA[c]]>",
        sibling: b"<Unknown k=\"v\"><x/></Unknown>",
        ..Parts::default()
    };
    for proto in PROTOCOLS {
        for role in ROLES {
            let doc = proto.document(role, &parts);
            // Every cut but the empty body (which is an empty answer, read
            // as no member set).
            for end in 1..doc.len() {
                refused(&server, proto, role, &doc[..end], &["XML"]).await;
            }
        }
    }
}

#[tokio::test]
async fn mismatched_tags_are_errors() {
    let server = Harness::start().await;
    for sibling in [
        &b"<a><b></a></b>"[..],
        b"<a></A>",
        b"<p:a xmlns:p=\"u\"></q:a>",
        b"<a>",
        b"</a>",
        b"<a></a >x</b>",
    ] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(
            &server,
            &parts,
            &["mismatched", "end tag", "ends", "root element"],
        )
        .await;
    }
}

#[tokio::test]
async fn junk_after_the_root_is_an_error() {
    let server = Harness::start().await;
    for epilog in [
        &b"junk"[..],
        b"<Other/>",
        b"<![CDATA[x]]>",
        b"&amp;",
        b"</Extra>",
        b"\0",
        b"<?pi?>x",
    ] {
        let parts = Parts {
            epilog,
            ..Parts::default()
        };
        refused_everywhere(
            &server,
            &parts,
            &["outside the root", "second root", "no element open"],
        )
        .await;
    }
    // And before it.
    let parts = Parts {
        prolog: b"junk",
        ..Parts::default()
    };
    refused_everywhere(&server, &parts, &["outside the root"]).await;
}

// ---- text, references and attributes ------------------------------------------

#[tokio::test]
async fn invalid_utf8_is_an_error() {
    let server = Harness::start().await;
    for text in [
        &b"\xff\xfe"[..],
        b"\xc0\xaf",         // an overlong `/`
        b"\xed\xa0\x80",     // a surrogate, UTF-8 encoded
        b"\xf4\x90\x80\x80", // past U+10FFFF
        b"caf\xc3",          // cut inside a character
    ] {
        let parts = Parts {
            text,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["UTF-8"]).await;
    }
    // In a name, an attribute, a comment.
    for sibling in [&b"<\xff/>"[..], b"<a k=\"\xff\"/>", b"<!-- \xff -->"] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["UTF-8"]).await;
    }
    // A UTF-16 document.
    let utf16: Vec<u8> = "<Note/>"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let body = [&[0xff, 0xfe][..], &utf16].concat();
    for proto in PROTOCOLS {
        for role in ROLES {
            refused(&server, proto, role, &body, &["UTF-8"]).await;
        }
    }
}

#[tokio::test]
async fn bad_character_references_are_errors() {
    let server = Harness::start().await;
    let refs: &[&[u8]] = &[
        b"&#0;",
        b"&#xD800;",
        b"&#xDFFF;",
        b"&#x110000;",
        b"&#xFFFE;",
        b"&#xFFFF;",
        b"&#x1F;",
        b"&#8;",
        b"&#+65;",
        b"&#x+41;",
        b"&#-1;",
        b"&#;",
        b"&#x;",
        b"&#65",
        b"&#99999999999999999999;",
        b"&# 65;",
        b"&#X41;",
        b"&amp",
        b"&",
    ];
    for text in refs {
        let parts = Parts {
            text,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["entity"]).await;
        // In an attribute too.
        let sibling = [&b"<Unknown k=\""[..], text, b"\"/>"].concat();
        let parts = Parts {
            sibling: &sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["entity"]).await;
    }
}

#[tokio::test]
async fn unquoted_attributes_are_errors() {
    let server = Harness::start().await;
    for sibling in [
        &b"<Unknown k=v/>"[..],
        b"<Unknown k=v>x</Unknown>",
        b"<Unknown k/>",
        b"<Unknown k=/>",
        b"<Unknown k=\"v/>",
        b"<Unknown k='v\"/>",
        b"<Unknown k=\"a<b\"/>",
    ] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["quoted", "`=`", "attribute value"]).await;
    }
}

#[tokio::test]
async fn duplicate_attributes_are_errors() {
    let server = Harness::start().await;
    let many: String = (0..40).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let many_dup = format!("<Unknown{many} a7=\"again\"/>");
    for sibling in [
        &b"<Unknown k=\"1\" k=\"2\"/>"[..],
        b"<Unknown k='1' k='1'></Unknown>",
        // The same name once prefixes are dropped, as members are matched.
        b"<Unknown xmlns:p=\"u\" xmlns:q=\"w\" p:k=\"1\" q:k=\"2\"/>",
        b"<Unknown xmlns:p=\"u\" xmlns:p=\"w\"/>",
        many_dup.as_bytes(),
    ] {
        let parts = Parts {
            sibling,
            ..Parts::default()
        };
        refused_everywhere(&server, &parts, &["duplicate attribute"]).await;
    }
    // On the element an attribute member is read from.
    let body = b"<Note Id=\"n-1\" Id=\"n-2\"><Text>x</Text></Note>";
    refused(
        &server,
        Proto::RestXml,
        Role::Output,
        body,
        &["duplicate attribute"],
    )
    .await;
}

// ---- size -----------------------------------------------------------------------

#[tokio::test]
async fn a_5mb_text_node_over_the_cap_is_cut_off() {
    const CAP: usize = 1 << 20;
    let text = vec![b'A'; 5 << 20];
    let server = RawServer::start().await;
    let capped = client(&server, Some(CAP));
    for proto in PROTOCOLS {
        for role in ROLES {
            let parts = Parts {
                text: &text,
                ..Parts::default()
            };
            let doc = proto.document(role, &parts);
            // Declared by `content-length`, and streamed in chunks with no
            // length said.
            let chunked = {
                let mut body = format!("{:x}\r\n", doc.len()).into_bytes();
                body.extend_from_slice(&doc);
                body.extend_from_slice(b"\r\n0\r\n\r\n");
                body
            };
            let replies = [
                Reply::new(status(role), &[], doc.clone()),
                Reply::raw(
                    format!(
                        "HTTP/1.1 {} Hostile\r\nconnection: close\r\ntransfer-encoding: chunked\r\n",
                        status(role)
                    ),
                    chunked,
                ),
            ];
            for reply in replies {
                server.set(reply);
                let (result, peak) = peak_during(call(&capped, proto)).await;
                let err = result.expect_err("over the cap");
                let what = format!("{proto:?} {role:?}");
                assert_eq!(err.kind(), ErrorKind::Dispatch, "{what}: {err:?}");
                let dispatch = err.as_dispatch().expect("a dispatch error");
                assert_eq!(dispatch.kind(), DispatchErrorKind::BodyTooLarge, "{what}");
                assert!(err.to_string().contains("cap"), "{what}: {err}");
                assert!(peak < 3 * CAP, "{what}: {peak} bytes live at once");
            }
        }
    }
    // Under the default cap (10 MiB) the same 5 MB text is read whole: the
    // cap, not the parser, is what refused it.
    let big = Parts {
        text: &text,
        ..Parts::default()
    };
    let default_cap = client(&server, None);
    server.set(Reply::new(
        200,
        &[],
        Proto::AwsQuery.document(Role::Output, &big),
    ));
    let (out, taken) = allocated_during(call(&default_cap, Proto::AwsQuery)).await;
    assert_eq!(out.expect("read").map(|t| t.len()), Some(5 << 20));
    // Which also shows the allocator counts what a call takes: the bounds
    // above are not met by counting nothing.
    assert!(taken > 5 << 20, "{taken} bytes");
}
