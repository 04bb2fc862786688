//! `dask.diagnostics`: `ProgressBar`, `Profiler` and `ResourceProfiler`, as context
//! managers or `register()`ed globally. They watch the scheduler (its progress events
//! and `sched::Recording`), so they see every compute, however it was started.

use crate::display::profile::{profile_bundle, ProfileView};
use crate::display::resource::{resource_bundle, ResourceSample};
use crate::display::MimeBundle;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyErr, PyResult};
use crate::lang::value::{Builtin, Object, Value};
use crate::sched::{Profile, Recording};
use parking_lot::Mutex;
use std::any::Any;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How one active `ProgressBar` wants to be drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarSpec {
    /// Don't draw for computes shorter than this (seconds).
    pub minimum: f64,
    /// Seconds between redraws.
    pub dt: f64,
    /// Width of the bar in characters.
    pub width: usize,
}

static BARS: Mutex<Vec<(u64, BarSpec)>> = Mutex::new(Vec::new());
static NEXT: AtomicU64 = AtomicU64::new(1);

/// The bars active now (inside `with ProgressBar():` or registered).
pub fn active_bars() -> Vec<BarSpec> {
    BARS.lock().iter().map(|(_, b)| *b).collect()
}

fn num_kw(a: &mut Args, name: &str, default: f64) -> PyResult<f64> {
    match a.take_kw(name) {
        None | Some(Value::None) => Ok(default),
        Some(Value::Int(n)) if n >= 0 => Ok(n as f64),
        Some(Value::Float(f)) if f >= 0.0 => Ok(f),
        Some(v) => Err(exc::value_error(format!(
            "{name} must be a non-negative number, got {}",
            crate::lang::repr::repr_simple(&v)
        ))),
    }
}

/// A `ProgressBar` value.
pub struct ProgressBarObj {
    id: u64,
    spec: BarSpec,
}

impl ProgressBarObj {
    fn on(&self) {
        let mut bars = BARS.lock();
        if !bars.iter().any(|(id, _)| *id == self.id) {
            bars.push((self.id, self.spec));
        }
    }
    fn off(&self) {
        BARS.lock().retain(|(id, _)| *id != self.id);
    }
}

/// `ProgressBar(minimum=0, width=40, dt=0.1)`.
pub fn progress_bar(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let minimum = num_kw(&mut a, "minimum", 0.0)?;
    let width = num_kw(&mut a, "width", 40.0)?.clamp(1.0, 400.0) as usize;
    let dt = num_kw(&mut a, "dt", 0.1)?.max(0.02);
    let _ = a.take_kw("out");
    a.check("ProgressBar", 0)?;
    Ok(Value::object(ProgressBarObj {
        id: NEXT.fetch_add(1, Ordering::Relaxed),
        spec: BarSpec { minimum, dt, width },
    }))
}

fn register_methods(
    name: &str,
    on: impl Fn() + Send + Sync + 'static,
    off: impl Fn() + Send + Sync + 'static,
) -> Option<Value> {
    match name {
        "register" => Some(Builtin::value(
            "register",
            "register()",
            "Watch every later compute until unregister().",
            move |_vm, _a| {
                on();
                Ok(Value::None)
            },
        )),
        "unregister" => Some(Builtin::value(
            "unregister",
            "unregister()",
            "Stop watching.",
            move |_vm, _a| {
                off();
                Ok(Value::None)
            },
        )),
        _ => None,
    }
}

impl Object for ProgressBarObj {
    fn type_name(&self) -> String {
        "ProgressBar".into()
    }
    fn repr(&self) -> String {
        "<dask.diagnostics.progress.ProgressBar object>".into()
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let (a, b) = (self.id, self.spec);
        let me = move || ProgressBarObj { id: a, spec: b };
        register_methods(
            name,
            move || me().on(),
            move || ProgressBarObj { id: a, spec: b }.off(),
        )
        .map(Ok)
    }
    fn enter_returns_self(&self) -> bool {
        true
    }
    fn enter(&self, _vm: &mut Vm) -> Option<PyResult<Value>> {
        self.on();
        None
    }
    fn exit(&self, _vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        self.off();
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A namedtuple-like record (`TaskData`, `ResourceData`): fields by name, index or unpacking.
pub struct Record {
    kind: &'static str,
    fields: &'static [&'static str],
    values: Vec<Value>,
}

impl Record {
    /// A record value of type `kind` with these fields (a namedtuple's repr,
    /// attributes, indexing and unpacking).
    pub fn value(kind: &'static str, fields: &'static [&'static str], values: Vec<Value>) -> Value {
        Value::object(Record {
            kind,
            fields,
            values,
        })
    }
}

impl Object for Record {
    fn type_name(&self) -> String {
        self.kind.into()
    }
    fn repr(&self) -> String {
        let parts: Vec<String> = self
            .fields
            .iter()
            .zip(&self.values)
            .map(|(f, v)| format!("{f}={}", crate::lang::repr::repr_simple(v)))
            .collect();
        format!("{}({})", self.kind, parts.join(", "))
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let i = self.fields.iter().position(|f| *f == name)?;
        Some(Ok(self.values[i].clone()))
    }
    fn getitem(&self, _vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        let Value::Int(i) = key else { return None };
        let n = self.values.len() as i64;
        let j = if *i < 0 { i + n } else { *i };
        Some(
            self.values
                .get(j as usize)
                .cloned()
                .ok_or_else(|| exc::new("IndexError", "tuple index out of range")),
        )
    }
    fn len(&self) -> Option<usize> {
        Some(self.values.len())
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        Some(Ok(self.values.clone()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A value that just displays a bundle (what `visualize()` of profiles returns).
pub struct Shown(pub MimeBundle);

impl Object for Shown {
    fn type_name(&self) -> String {
        "Figure".into()
    }
    fn repr(&self) -> String {
        self.0.text().to_string()
    }
    fn mime_bundle(&self) -> MimeBundle {
        self.0.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Default)]
struct ProfilerState {
    recording: Option<Recording>,
    profiles: Vec<Profile>,
    epoch: Option<f64>,
}

/// A `Profiler` value: per-task timings of every compute inside its block.
#[derive(Clone, Default)]
pub struct ProfilerObj(Arc<Mutex<ProfilerState>>);

fn now_epoch() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

impl ProfilerObj {
    fn start(&self) {
        let mut s = self.0.lock();
        if s.recording.is_none() {
            s.profiles.clear();
            s.epoch = Some(now_epoch());
            s.recording = Some(Recording::start());
        }
    }
    fn stop(&self) {
        let mut s = self.0.lock();
        if let Some(r) = s.recording.take() {
            s.profiles = r.finish();
        }
    }
    fn view(&self) -> ProfileView {
        ProfileView::from_profiles(&self.0.lock().profiles)
    }
    fn results(&self) -> Value {
        let epoch = self.0.lock().epoch.unwrap_or(0.0);
        let v = self.view();
        Value::list(
            v.tasks
                .iter()
                .map(|t| {
                    Value::object(Record {
                        kind: "TaskData",
                        fields: &["key", "task", "start_time", "end_time", "worker_id"],
                        values: vec![
                            Value::str(&t.key),
                            Value::str(&t.op),
                            Value::Float(epoch + t.start),
                            Value::Float(epoch + t.end),
                            Value::Int(t.thread as i64),
                        ],
                    })
                })
                .collect(),
        )
    }
}

impl Object for ProfilerObj {
    fn type_name(&self) -> String {
        "Profiler".into()
    }
    fn repr(&self) -> String {
        "<dask.diagnostics.profile.Profiler object>".into()
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let me = self.clone();
        if let Some(v) = register_methods(
            name,
            {
                let m = me.clone();
                move || m.start()
            },
            {
                let m = me.clone();
                move || m.stop()
            },
        ) {
            return Some(Ok(v));
        }
        Some(Ok(match name {
            "results" => me.results(),
            "visualize" => Builtin::value(
                "visualize",
                "visualize()",
                "The task stream: one lane per worker thread.",
                move |_vm, _a| Ok(Value::object(Shown(profile_bundle(&me.view())))),
            ),
            "clear" => Builtin::value("clear", "clear()", "Forget the results.", move |_vm, _a| {
                me.0.lock().profiles.clear();
                Ok(Value::None)
            }),
            _ => return None,
        }))
    }
    fn enter_returns_self(&self) -> bool {
        true
    }
    fn enter(&self, _vm: &mut Vm) -> Option<PyResult<Value>> {
        self.start();
        None
    }
    fn exit(&self, _vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        self.stop();
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `Profiler()`.
pub fn profiler(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check("Profiler", 0)?;
    Ok(Value::object(ProfilerObj::default()))
}

/// Resident memory (MB) and total CPU seconds of this process, from /proc.
fn sample_process() -> (f64, f64) {
    let mem = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<f64>().ok())
        })
        .map_or(0.0, |pages| pages * 4096.0 / 1e6);
    let cpu = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ut: f64 = f.get(11)?.parse().ok()?;
            let st: f64 = f.get(12)?.parse().ok()?;
            Some((ut + st) / 100.0)
        })
        .unwrap_or(0.0);
    (mem, cpu)
}

#[derive(Default)]
struct Sampler {
    samples: Mutex<Vec<ResourceSample>>,
    stop: AtomicBool,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

/// A `ResourceProfiler` value: samples memory and CPU every `dt` seconds on a thread.
#[derive(Clone)]
pub struct ResourceProfilerObj {
    dt: f64,
    s: Arc<Sampler>,
}

impl ResourceProfilerObj {
    fn start(&self) {
        let mut th = self.s.thread.lock();
        if th.is_some() {
            return;
        }
        self.s.stop.store(false, Ordering::Relaxed);
        self.s.samples.lock().clear();
        let (s, dt) = (self.s.clone(), self.dt);
        *th = Some(std::thread::spawn(move || {
            let t0 = Instant::now();
            let (_, mut cpu0) = sample_process();
            let mut last = t0;
            loop {
                let (mem, cpu) = sample_process();
                let wall = last.elapsed().as_secs_f64().max(1e-6);
                s.samples.lock().push(ResourceSample {
                    time: t0.elapsed().as_secs_f64(),
                    mem_mb: mem,
                    cpu_pct: 100.0 * (cpu - cpu0).max(0.0) / wall,
                });
                cpu0 = cpu;
                last = Instant::now();
                let until = last + Duration::from_secs_f64(dt);
                while Instant::now() < until {
                    if s.stop.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
        }));
    }
    fn stop(&self) {
        self.s.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.s.thread.lock().take() {
            let _ = t.join();
        }
    }
}

impl Object for ResourceProfilerObj {
    fn type_name(&self) -> String {
        "ResourceProfiler".into()
    }
    fn repr(&self) -> String {
        "<dask.diagnostics.profile.ResourceProfiler object>".into()
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let me = self.clone();
        if let Some(v) = register_methods(
            name,
            {
                let m = me.clone();
                move || m.start()
            },
            {
                let m = me.clone();
                move || m.stop()
            },
        ) {
            return Some(Ok(v));
        }
        Some(Ok(match name {
            "results" => {
                let t0 = now_epoch() - me.s.samples.lock().last().map_or(0.0, |s| s.time);
                Value::list(
                    me.s.samples
                        .lock()
                        .iter()
                        .map(|s| {
                            Value::object(Record {
                                kind: "ResourceData",
                                fields: &["time", "mem", "cpu"],
                                values: vec![
                                    Value::Float(t0 + s.time),
                                    Value::Float(s.mem_mb),
                                    Value::Float(s.cpu_pct),
                                ],
                            })
                        })
                        .collect(),
                )
            }
            "visualize" => Builtin::value(
                "visualize",
                "visualize()",
                "Memory and CPU over time.",
                move |_vm, _a| Ok(Value::object(Shown(resource_bundle(&me.s.samples.lock())))),
            ),
            "clear" => Builtin::value("clear", "clear()", "Forget the samples.", move |_vm, _a| {
                me.s.samples.lock().clear();
                Ok(Value::None)
            }),
            _ => return None,
        }))
    }
    fn enter_returns_self(&self) -> bool {
        true
    }
    fn enter(&self, _vm: &mut Vm) -> Option<PyResult<Value>> {
        self.start();
        None
    }
    fn exit(&self, _vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        self.stop();
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `ResourceProfiler(dt=1)`.
pub fn resource_profiler(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let dt = num_kw(&mut a, "dt", 1.0)?.max(0.01);
    a.check("ResourceProfiler", 0)?;
    Ok(Value::object(ResourceProfilerObj {
        dt,
        s: Arc::new(Sampler::default()),
    }))
}

/// `dask.diagnostics.visualize([prof, rprof])`: the profiles' pictures stacked.
pub fn visualize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let items = match a.pos.first() {
        Some(v @ (Value::List(_) | Value::Tuple(_))) => vm.iterate(v)?,
        Some(v) => vec![v.clone()],
        None => return Err(exc::type_error("visualize() needs profilers")),
    };
    let mut html = String::from("<div>");
    let mut text = Vec::new();
    for it in items {
        let f = vm.getattr(&it, "visualize")?;
        let shown = vm.call_value(&f, Args::default())?;
        let b = match &shown {
            Value::Object(o) => o.mime_bundle(),
            _ => continue,
        };
        text.push(b.text().to_string());
        if let Some(h) = b.data.get("text/html") {
            html.push_str(h);
        }
    }
    html.push_str("</div>");
    Ok(Value::object(Shown(
        MimeBundle::plain(text.join("\n")).with("text/html", html),
    )))
}
