use super::*;
use crate::display::task_stream::{task_stream_svg, tick_step};
use crate::display::xmlcheck::assert_well_formed;

fn rec(op: &str, thread: usize, start: f64, end: f64) -> TaskRecord {
    TaskRecord {
        key: format!("('{op}-1f', {start})"),
        op: op.to_string(),
        thread,
        start,
        end,
    }
}

fn sample() -> ProfileView {
    ProfileView {
        tasks: vec![
            rec("ones", 0, 10.0, 10.1),
            rec("ones", 1, 10.0, 10.2),
            rec("add", 0, 10.1, 10.4),
            rec("sum", 1, 10.2, 10.3),
            rec("add", 1, 10.3, 10.5),
        ],
    }
}

#[test]
fn stats_group_by_operation() {
    let s = sample().op_stats();
    assert_eq!(s[0].op, "add");
    assert_eq!(s[0].ncalls, 2);
    assert!((s[0].tottime - 0.5).abs() < 1e-9);
    assert!((s[0].percall() - 0.25).abs() < 1e-9);
    assert_eq!(s.len(), 3);
    assert!((sample().wall() - 0.5).abs() < 1e-9);
    assert_eq!(sample().ops_in_order(), vec!["ones", "add", "sum"]);
}

#[test]
fn text_table_has_prun_columns() {
    let t = profile_text(&sample());
    assert!(t.contains("5 tasks in 0.500 seconds"));
    assert!(t.contains("   ncalls  tottime  percall  cumtime  percall operation\n"));
    assert!(t.contains("        2    0.500    0.250    0.500    0.250 add\n"));
}

#[test]
fn stream_has_lanes_bars_axis_and_legend() {
    let svg = task_stream_svg(&sample());
    assert_well_formed(&svg);
    assert!(svg.contains(">thread 0<") && svg.contains(">thread 1<"));
    assert_eq!(svg.matches("<title>").count(), 5, "one bar per task");
    assert!(svg.contains(">ones<") && svg.contains(">sum<"));
    assert!(svg.contains("5 tasks on 2 threads"));
    assert!(svg.contains(">0<"), "axis starts at 0");
    assert!(svg.contains(">100.00 ms<"), "ticks every 100 ms");
}

#[test]
fn tiny_tasks_merge_into_bounded_bars() {
    let tasks = (0..20_000)
        .map(|i| rec("add", i % 2, i as f64 * 1e-5, i as f64 * 1e-5 + 9e-6))
        .collect();
    let svg = task_stream_svg(&ProfileView { tasks });
    assert_well_formed(&svg);
    let bars = svg.matches("<title>").count();
    assert!(bars < 2000, "{bars} bars");
    assert!(svg.contains("add tasks:"));
}

#[test]
fn html_and_bundle() {
    let b = profile_bundle(&sample());
    assert!(b.text().contains("ncalls"));
    let html = &b.data["text/html"];
    assert_well_formed(html);
    assert!(html.contains("<th>tottime</th>"));
    assert!(html.contains("<td>500.00 ms</td>"));
    assert!(b.data.contains_key("image/svg+xml"));
    let empty = task_stream_svg(&ProfileView::default());
    assert_well_formed(&empty);
}

#[test]
fn ticks_are_nice() {
    assert_eq!(tick_step(1.0, 5), 0.2);
    assert_eq!(tick_step(0.5, 6), 0.1);
    assert_eq!(tick_step(7.0, 6), 2.0);
}
