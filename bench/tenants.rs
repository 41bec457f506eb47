//! What tenants cost: the time to load every view and the memory the
//! process holds once loaded, for 0, 50 and 1,000 tenants with five
//! overlay rows each (four facts rows on public programs and one program
//! of the tenant's own; every second tenant also has a default filter),
//! and 1,000 with a candidate model beside the stable one. Each figure
//! comes from a fresh process, so peak memory is that load's alone. Run
//! with `cargo bench --bench tenants`.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use himrec::catalog::Catalog;
use himrec::catalog::ProgramFilterInput;
use himrec::live::{Live, ModelLabel, Sources, TenantSource};

// The same allocator as the `himrec` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The tenant counts measured, and whether a candidate model is loaded.
const SCENARIOS: [(usize, bool); 4] = [(0, false), (50, false), (1000, false), (1000, true)];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `VmHWM` and `VmRSS` of this process, in MiB.
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// Writes `count` tenants' overlays into `dir` and returns their sources.
fn tenants(dir: &Path, count: usize) -> Vec<TenantSource> {
    let catalog = Catalog::load(&root().join("data")).expect("the bundled data loads");
    // Public programs with a unit id of their own in the list.
    let mut seen = HashSet::new();
    let programs: Vec<(u32, u8, &str)> = catalog
        .programs
        .values()
        .filter(|p| p.credential_level != himrec::catalog::NON_CREDENTIAL_LEVEL)
        .filter(|p| seen.insert(p.unitid))
        .map(|p| (p.unitid, p.credential_level, p.state.unwrap_or("TX")))
        .collect();
    (0..count)
        .map(|t| {
            let own: Vec<_> = (0..4).map(|k| programs[(t * 4 + k) % programs.len()]).collect();
            let added = 900_000 + t as u32;
            let mut csv = String::from(
                "unitid,credential_level,cahiim_accredited,delivery_mode,tuition,practicum,career_services,program_url,institution_name,state,control,prepares_for\n",
            );
            for (k, (unitid, level, _)) in own.iter().enumerate() {
                let mode = ["online", "hybrid", "campus", "online"][k];
                writeln!(csv, "{unitid},{level},true,{mode},{},true,true,https://example.edu/{t}/{k},,,,", 9000 + k * 500).unwrap();
            }
            let state = own[0].2;
            writeln!(csv, "{added},3,true,online,12000,true,true,https://example.edu/{t},Bench College {t},{state},public,RHIT").unwrap();
            let path = dir.join(format!("tenant-{t}.csv"));
            std::fs::write(&path, csv).unwrap();
            let mut unitids: HashSet<u32> = own.iter().map(|p| p.0).collect();
            unitids.insert(added);
            TenantSource {
                name: format!("tenant-{t}").into(),
                unitids,
                overlay: Some(path),
                default_filter: (t % 2 == 1).then(|| ProgramFilterInput {
                    states: vec![state.to_string()],
                    ..ProgramFilterInput::default()
                }),
                model_label: ModelLabel::Stable,
            }
        })
        .collect()
}

/// One measurement, in this process: load `count` tenants' views and report.
fn measure(count: usize, candidate: bool) {
    let dir = std::env::temp_dir().join(format!("himrec-bench-tenants-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tenants = tenants(&dir, count);
    let model = root().join("models/career_model.json");
    let sources = Sources {
        data: root().join("data"),
        model: model.clone(),
        candidate: candidate.then_some(model),
        overlay: None,
        tenants,
    };
    let started = Instant::now();
    let live = Live::load(sources).expect("every view loads");
    let secs = started.elapsed().as_secs_f64();
    let (peak, rss) = memory();
    let snapshot = live.current();
    let views = snapshot.stable.tenants.len();
    drop(snapshot);
    std::hint::black_box(&live);
    let _ = std::fs::remove_dir_all(&dir);
    println!("{count} {candidate} {views} {secs:.3} {peak:.1} {rss:.1}");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--measure") {
        let count = args[at + 1].parse().expect("a tenant count");
        measure(count, args.get(at + 2).is_some_and(|a| a == "candidate"));
        return;
    }
    // `cargo bench -- <filter>` passes a filter; this bench has one group.
    let exe = std::env::current_exe().expect("the bench binary");
    println!("| tenants | candidate model | load (s) | peak RSS (MiB) | RSS after load (MiB) | per tenant (KiB) |");
    println!("|---:|---|---:|---:|---:|---:|");
    let mut base = None;
    for (count, candidate) in SCENARIOS {
        let mut command = Command::new(&exe);
        command.args(["--measure", &count.to_string()]);
        if candidate {
            command.arg("candidate");
        }
        let out = command.output().expect("the measuring process runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = String::from_utf8_lossy(&out.stdout);
        let f: Vec<&str> = line.split_whitespace().collect();
        let views: usize = f[2].parse().unwrap();
        assert_eq!(views, count, "every tenant has a view");
        let (secs, peak, rss): (f64, f64, f64) = (
            f[3].parse().unwrap(),
            f[4].parse().unwrap(),
            f[5].parse().unwrap(),
        );
        if count == 0 && !candidate {
            base = Some(rss);
        }
        let per_tenant = match (base, count) {
            (Some(b), n) if n > 0 && !candidate => format!("{:.0}", (rss - b) * 1024.0 / n as f64),
            _ => "-".into(),
        };
        println!(
            "| {count} | {} | {secs:.2} | {peak:.0} | {rss:.0} | {per_tenant} |",
            if candidate { "yes" } else { "no" }
        );
    }
}
