//! The README's "declare your own operation" example is the file
//! examples/declare_your_own.rs, which every `cargo test` compiles; this
//! keeps the two from drifting apart.

#[test]
fn readme_example_is_the_compiled_example() {
    let readme = include_str!("../README.md");
    let example = include_str!("../examples/declare_your_own.rs");
    let start = readme.find("```rust\n").expect("README has a rust block") + "```rust\n".len();
    let end = start + readme[start..].find("```\n").expect("the block ends");
    let block = &readme[start..end];
    // The example file starts with two doc lines and a blank line of its own.
    let code = example
        .splitn(4, '\n')
        .nth(3)
        .unwrap()
        .trim_start_matches('\n');
    assert_eq!(
        block, code,
        "README.md and examples/declare_your_own.rs differ"
    );
}

#[test]
fn readme_shows_the_two_commands() {
    let readme = include_str!("../README.md");
    let first_screen: String = readme.lines().take(25).collect::<Vec<_>>().join("\n");
    assert!(first_screen.contains("cargo run --example quickstart"));
    assert!(first_screen.contains("cargo test --workspace"));
}

#[test]
fn the_testing_guide_shows_the_compiled_tests() {
    let readme = include_str!("../README.md");
    let guide = [
        ("mock", include_str!("testing_guide_mock.rs")),
        ("replay", include_str!("testing_guide_replay.rs")),
        ("emulator", include_str!("testing_guide_emulator.rs")),
    ];
    for (name, code) in guide {
        assert!(
            readme.contains(&format!("```rust\n{code}```\n")),
            "README.md's {name} example and tests/testing_guide_{name}.rs differ"
        );
    }
}
