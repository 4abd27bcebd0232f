//! `src/datazone/generated.rs` is this generator's output for the four
//! DataZone user-profile operations of the vendored model: the test fails
//! when regenerating would change it. `AWSOP_REGENERATE=1 cargo test -p
//! awsop-codegen --test dogfood` rewrites it.

use std::path::Path;

fn generator() -> awsop_codegen::Generator {
    let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models");
    awsop_codegen::Generator::new(models.join("datazone-user-profiles.json"))
        .endpoints(models.join("datazone/endpoint-rule-set-1.json.gz"))
        .operations([
            "CreateUserProfile",
            "GetUserProfile",
            "UpdateUserProfile",
            "SearchUserProfiles",
        ])
        // Inside awsop itself, `::awsop` does not name the crate.
        .crate_path("crate")
}

#[test]
fn src_datazone_is_the_generators_output() {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/datazone/generated.rs");
    let generated = generator().render().unwrap();
    assert!(generated.left_out.is_empty(), "{:?}", generated.left_out);
    assert_eq!(generated.generated.len(), 4);
    if std::env::var_os("AWSOP_REGENERATE").is_some() {
        std::fs::write(&target, &generated.code).unwrap();
    }
    let committed = std::fs::read_to_string(&target).unwrap();
    if committed != generated.code {
        let line = committed
            .lines()
            .zip(generated.code.lines())
            .position(|(a, b)| a != b)
            .map_or(
                committed
                    .lines()
                    .count()
                    .min(generated.code.lines().count()),
                |i| i,
            );
        panic!(
            "src/datazone/generated.rs differs from the generator's output from line {}:\n  committed: {:?}\n  generated: {:?}\nrun `AWSOP_REGENERATE=1 cargo test -p awsop-codegen --test dogfood` and review the diff",
            line + 1,
            committed.lines().nth(line),
            generated.code.lines().nth(line)
        );
    }
}

#[test]
fn the_output_is_the_same_with_and_without_rustfmt() {
    // The generator lays code out as rustfmt would, so a machine without
    // rustfmt writes the same file (rustfmt only runs when installed).
    let with = generator().render().unwrap().code;
    let without = generator().rustfmt(false).render().unwrap().code;
    assert_eq!(with, without);
}

#[test]
fn the_endpoint_comes_from_the_rule_set() {
    let code = generator().render().unwrap().code;
    assert!(code.contains("endpoint = \"https://datazone.{region}.api.aws\""));
    assert!(
        code.contains("paginator(input_token = \"next_token\""),
        "the model's own `pagination`"
    );
}
