use super::*;

fn l(s: &str) -> Vec<Label> {
    s.chars()
        .map(|c| if c == '.' { BROADCAST } else { c as Label })
        .collect()
}

fn err(s: &str, ndims: &[usize]) -> String {
    parse(s, ndims).unwrap_err().to_string()
}

#[test]
fn explicit_and_implicit_outputs() {
    let s = parse("ij,jk->ik", &[2, 2]).unwrap();
    assert_eq!(
        (s.inputs.clone(), s.output.clone()),
        (vec![l("ij"), l("jk")], l("ik"))
    );
    assert_eq!(s.contracted(), l("j"));
    assert_eq!(s.iter_labels(), l("ikj"));
    // Implicit: the letters used once, alphabetically (capitals first).
    assert_eq!(parse("ji,kj", &[2, 2]).unwrap().output, l("ik"));
    assert_eq!(parse("ba", &[2]).unwrap().output, l("ab"));
    assert_eq!(parse("Bi,ib", &[2, 2]).unwrap().output, l("Bb"));
    assert!(parse("ii", &[2]).unwrap().output.is_empty());
    assert_eq!(
        parse(" i j , j k -> i k ", &[2, 2]).unwrap().output,
        l("ik")
    );
    assert_eq!(parse("ij->", &[2]).unwrap().contracted(), l("ij"));
}

#[test]
fn ellipsis_dimensions_are_right_aligned() {
    let s = parse("...ij,...jk->...ik", &[3, 2]).unwrap();
    let b = BROADCAST;
    assert_eq!(s.inputs, vec![vec![b, 'i' as Label, 'j' as Label], l("jk")]);
    assert_eq!(s.output, vec![b, 'i' as Label, 'k' as Label]);
    let s = parse("i...", &[3]).unwrap();
    assert_eq!(s.output, vec![b, b + 1, 'i' as Label]);
    let s = parse("...,...", &[2, 1]).unwrap();
    assert_eq!(s.inputs, vec![vec![b, b + 1], vec![b + 1]]);
    assert!(parse("ij->...", &[2]).unwrap().output.is_empty());
}

#[test]
fn numpy_messages_for_bad_subscripts() {
    let e = "einstein sum subscripts string contains too many subscripts for operand 0";
    assert_eq!(err("ijk", &[2]), e);
    assert_eq!(err("ij,ijk", &[2, 2]), e.replace("operand 0", "operand 1"));
    assert!(err("i", &[2]).starts_with("operand has more dimensions than subscripts"));
    assert_eq!(
        err("ij,jk", &[2]),
        "more operands provided to einstein sum function than specified in the subscripts string"
    );
    assert_eq!(
        err("ij", &[2, 2]),
        "fewer operands provided to einstein sum function than specified in the subscripts string"
    );
    assert_eq!(
        err("i$", &[2]),
        "invalid subscript '$' in einstein sum subscripts string, subscripts must be letters"
    );
    assert_eq!(err("ij->->", &[2]), err("ij->-", &[2]));
    assert_eq!(
        err("ij-", &[2]),
        "einstein sum subscript string does not contain proper '->' output specified"
    );
    assert!(err("i..j", &[2]).ends_with("ellipsis ('...') in operand 0"));
    assert!(err("...i...", &[2]).ends_with("in operand 0"));
    assert!(err("ij->i.", &[2]).ends_with("in the output"));
    assert!(err("i...->", &[2]).starts_with("output has more dimensions"));
    assert_eq!(
        err("ij->k", &[2]),
        "einstein sum subscripts string included output subscript 'k' which never appeared in an input"
    );
    assert_eq!(
        err("ij->ii", &[2]),
        "einstein sum subscripts string includes output subscript 'i' multiple times"
    );
}

#[test]
fn shapes_are_checked_with_numpy_messages() {
    let s = parse("ij,jk", &[2, 2]).unwrap();
    assert_eq!(
        s.sizes(&[&[2, 3], &[4, 3]]).unwrap_err().to_string(),
        "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)->(2,newaxis,3) (4,3)->(3,4) "
    );
    let s = parse("ij,j->i", &[2, 1]).unwrap();
    assert!(s
        .sizes(&[&[2, 3], &[4]])
        .unwrap_err()
        .to_string()
        .ends_with("(2,3)->(2,3) (4,)->(4) "));
    let s = parse("i,i", &[1, 1]).unwrap();
    assert!(s
        .sizes(&[&[2], &[3]])
        .unwrap_err()
        .to_string()
        .ends_with("(2,)->(2,) (3,)->(3,) "));
    // Length 1 broadcasts.
    let s = parse("ij,jk", &[2, 2]).unwrap();
    let sizes = s.sizes(&[&[2, 3], &[1, 4]]).unwrap();
    assert_eq!(sizes.get(&('j' as Label)), Some(&3));
    let s = parse("ii->i", &[2]).unwrap();
    assert_eq!(
        s.sizes(&[&[2, 3]]).unwrap_err().to_string(),
        "dimensions in single operand for collapsing index 'i' don't match (2 != 3)"
    );
    let s = parse("ii", &[2]).unwrap();
    assert_eq!(
        s.sizes(&[&[2, 3]]).unwrap_err().to_string(),
        "dimensions in operand 0 for collapsing index 'i' don't match (2 != 3)"
    );
    let s = parse("ii,i", &[2, 1]).unwrap();
    assert_eq!(
        s.sizes(&[&[3, 4], &[3]]).unwrap_err().to_string(),
        "dimensions in operand 0 for collapsing index 'i' don't match (3 != 4)"
    );
    assert!(s
        .sizes(&[&[3, 3], &[4]])
        .unwrap_err()
        .to_string()
        .ends_with("(3,)->(3,) (4,)->(4,) "));
}
