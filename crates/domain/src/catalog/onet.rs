//! O*NET 29.2 occupation profiles and ESCO 1.2.0 occupations.

use std::collections::HashMap;
use std::path::Path;

use super::table::Table;
use super::{CatalogError, EDUCATION_CATEGORIES};

/// The RIASEC areas in O*NET's order (element ids 1.B.1.a to 1.B.1.f).
pub const RIASEC: [&str; 6] = [
    "Realistic",
    "Investigative",
    "Artistic",
    "Social",
    "Enterprising",
    "Conventional",
];

/// What O*NET says of one occupation.
#[derive(Debug, Clone, Default)]
pub(crate) struct OnetOccupation {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) job_zone: Option<u8>,
    /// Occupational interests on O*NET's 1-7 scale, RIASEC order.
    pub(crate) interests: [Option<f64>; 6],
    /// Skill and knowledge element name -> importance (1-5).
    pub(crate) elements: HashMap<String, f64>,
    /// Required level of education: share (percent) of respondents naming
    /// each of O*NET's 12 categories.
    pub(crate) education: Option<[f64; EDUCATION_CATEGORIES]>,
    /// Task statements, in the file's order.
    pub(crate) tasks: Vec<Task>,
    /// Technology skills: (commodity title, example).
    pub(crate) technology: Vec<(String, String)>,
    /// Job titles incumbents report, those My Next Move shows first.
    pub(crate) reported_titles: Vec<String>,
    /// O*NET's related occupations, most related first, with their tier.
    pub(crate) related: Vec<(String, Relatedness)>,
    /// O*NET's alternate titles of the occupation.
    pub(crate) alternate_titles: Vec<String>,
}

/// How closely O*NET relates one occupation to another (its Related
/// Occupations file's tiers, closest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relatedness {
    /// "Primary-Short": the closest few.
    PrimaryShort,
    /// "Primary-Long".
    PrimaryLong,
    /// "Supplemental".
    Supplemental,
}

impl Relatedness {
    /// The tier as O*NET names it.
    pub fn name(self) -> &'static str {
        match self {
            Self::PrimaryShort => "Primary-Short",
            Self::PrimaryLong => "Primary-Long",
            Self::Supplemental => "Supplemental",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        [Self::PrimaryShort, Self::PrimaryLong, Self::Supplemental]
            .into_iter()
            .find(|t| t.name() == name)
    }
}

/// One O*NET task statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Task {
    /// O*NET's task id.
    pub(crate) id: u32,
    /// The statement.
    pub(crate) text: String,
    /// Whether O*NET rates it a core task (else supplemental).
    pub(crate) core: bool,
}

/// The occupations by O*NET-SOC code.
pub(crate) type Occupations = HashMap<String, OnetOccupation>;

/// Reads the O*NET extract folder, keyed by O*NET-SOC code: each file in
/// turn, where a row about an occupation not in `Occupation Data.txt` is
/// an error.
pub(crate) fn read(dir: &Path) -> Result<Occupations, CatalogError> {
    let mut occupations = Occupations::new();

    let table = Table::tsv(&dir.join("Occupation Data.txt"))?;
    let (code, title, description) = (
        table.column("O*NET-SOC Code")?,
        table.column("Title")?,
        table.column("Description")?,
    );
    for row in table.rows() {
        let entry = occupations.entry(row.get(code).to_owned()).or_default();
        entry.title = row.get(title).to_owned();
        entry.description = row.get(description).to_owned();
    }

    read_job_zones(dir, &mut occupations)?;
    read_interests(dir, &mut occupations)?;
    read_elements(dir, &mut occupations)?;
    read_education(dir, &mut occupations)?;
    read_tasks(dir, &mut occupations)?;
    read_technology(dir, &mut occupations)?;
    read_reported_titles(dir, &mut occupations)?;
    read_alternate_titles(dir, &mut occupations)?;
    read_related(dir, &mut occupations)?;
    Ok(occupations)
}

/// The job zone of each occupation (1-5).
fn read_job_zones(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    let table = Table::tsv(&dir.join("Job Zones.txt"))?;
    let (code, zone) = (table.column("O*NET-SOC Code")?, table.column("Job Zone")?);
    for row in table.rows() {
        let value = row.count(zone, "Job Zone")?;
        if !(1..=5).contains(&value) {
            return Err(row.error(format!("job zone {value} is not 1-5")));
        }
        known(occupations, row.get(code), &row)?.job_zone = Some(value as u8);
    }
    Ok(())
}

/// Each occupation's RIASEC interest scores (O*NET's `OI` scale, 1-7).
fn read_interests(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    let table = Table::tsv(&dir.join("Interests.txt"))?;
    let (code, name, scale, value) = (
        table.column("O*NET-SOC Code")?,
        table.column("Element Name")?,
        table.column("Scale ID")?,
        table.column("Data Value")?,
    );
    for row in table.rows() {
        if row.get(scale) != "OI" {
            continue;
        }
        let Some(area) = RIASEC.iter().position(|a| *a == row.get(name)) else {
            continue;
        };
        let score = row.number_in(
            value,
            "Data Value",
            1.0..=7.0,
            "interest score is not in 1-7",
        )?;
        known(occupations, row.get(code), &row)?.interests[area] = Some(score);
    }
    Ok(())
}

/// The importance of each skill and knowledge element (`IM` scale, 1-5).
fn read_elements(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    for file in ["Skills.txt", "Knowledge.txt"] {
        let table = Table::tsv(&dir.join(file))?;
        let (code, name, scale, value) = (
            table.column("O*NET-SOC Code")?,
            table.column("Element Name")?,
            table.column("Scale ID")?,
            table.column("Data Value")?,
        );
        for row in table.rows() {
            if row.get(scale) != "IM" {
                continue;
            }
            let importance =
                row.number_in(value, "Data Value", 1.0..=5.0, "importance is not in 1-5")?;
            known(occupations, row.get(code), &row)?
                .elements
                .insert(row.get(name).to_owned(), importance);
        }
    }
    Ok(())
}

/// The share of workers at each required level of education (`RL` scale).
fn read_education(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    let table = Table::tsv(&dir.join("Education, Training, and Experience.txt"))?;
    let (code, scale, category, value) = (
        table.column("O*NET-SOC Code")?,
        table.column("Scale ID")?,
        table.column("Category")?,
        table.column("Data Value")?,
    );
    for row in table.rows() {
        if row.get(scale) != "RL" {
            continue;
        }
        let category = row.count(category, "Category")? as usize;
        if !(1..=EDUCATION_CATEGORIES).contains(&category) {
            return Err(row.error("education category is not 1-12"));
        }
        let share = row.number_in(
            value,
            "Data Value",
            0.0..=100.0,
            "education share is not a percentage",
        )?;
        let entry = known(occupations, row.get(code), &row)?;
        entry.education.get_or_insert([0.0; EDUCATION_CATEGORIES])[category - 1] = share;
    }
    Ok(())
}

/// The task statements, core or supplemental.
fn read_tasks(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    let table = Table::tsv(&dir.join("Task Statements.txt"))?;
    let (code, id, task, kind) = (
        table.column("O*NET-SOC Code")?,
        table.column("Task ID")?,
        table.column("Task")?,
        table.column("Task Type")?,
    );
    for row in table.rows() {
        let task = Task {
            id: row.count(id, "Task ID")?,
            text: row.get(task).to_owned(),
            core: row.get(kind) != "Supplemental",
        };
        known(occupations, row.get(code), &row)?.tasks.push(task);
    }
    Ok(())
}

/// The technology skills, by commodity and example.
fn read_technology(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    let table = Table::tsv(&dir.join("Technology Skills.txt"))?;
    let (code, example, commodity) = (
        table.column("O*NET-SOC Code")?,
        table.column("Example")?,
        table.column("Commodity Title")?,
    );
    for row in table.rows() {
        known(occupations, row.get(code), &row)?
            .technology
            .push((row.get(commodity).to_owned(), row.get(example).to_owned()));
    }
    Ok(())
}

/// The job titles workers reported, those My Next Move shows first.
fn read_reported_titles(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    let table = Table::tsv(&dir.join("Sample of Reported Titles.txt"))?;
    let (code, title, shown) = (
        table.column("O*NET-SOC Code")?,
        table.column("Reported Job Title")?,
        table.column("Shown in My Next Move")?,
    );
    let mut titles: HashMap<String, Vec<(bool, String)>> = HashMap::new();
    for row in table.rows() {
        known(occupations, row.get(code), &row)?;
        titles
            .entry(row.get(code).to_owned())
            .or_default()
            .push((row.get(shown) != "Y", row.get(title).to_owned()));
    }
    for (code, mut list) in titles {
        // Stable: within each kind, the file's order.
        list.sort_by_key(|(later, _)| *later);
        occupations
            .get_mut(&code)
            .expect("checked above")
            .reported_titles = list.into_iter().map(|(_, t)| t).collect();
    }
    Ok(())
}

/// The alternate titles.
fn read_alternate_titles(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    let table = Table::tsv(&dir.join("Alternate Titles.txt"))?;
    let (code, title) = (
        table.column("O*NET-SOC Code")?,
        table.column("Alternate Title")?,
    );
    for row in table.rows() {
        known(occupations, row.get(code), &row)?
            .alternate_titles
            .push(row.get(title).to_owned());
    }
    Ok(())
}

/// The related occupations, by O*NET's index.
fn read_related(dir: &Path, occupations: &mut Occupations) -> Result<(), CatalogError> {
    let table = Table::tsv(&dir.join("Related Occupations.txt"))?;
    let (code, related, tier, index) = (
        table.column("O*NET-SOC Code")?,
        table.column("Related O*NET-SOC Code")?,
        table.column("Relatedness Tier")?,
        table.column("Index")?,
    );
    let mut relations: HashMap<String, Vec<(u32, String, Relatedness)>> = HashMap::new();
    for row in table.rows() {
        known(occupations, row.get(code), &row)?;
        let rank = row.count(index, "Index")?;
        let tier = Relatedness::from_name(row.get(tier))
            .ok_or_else(|| row.error(format!("unknown relatedness tier {:?}", row.get(tier))))?;
        relations
            .entry(row.get(code).to_owned())
            .or_default()
            .push((rank, row.get(related).to_owned(), tier));
    }
    for (code, mut list) in relations {
        list.sort();
        occupations.get_mut(&code).expect("checked above").related =
            list.into_iter().map(|(_, c, t)| (c, t)).collect();
    }
    Ok(())
}

fn known<'a>(
    occupations: &'a mut HashMap<String, OnetOccupation>,
    code: &str,
    row: &super::table::Row<'_>,
) -> Result<&'a mut OnetOccupation, CatalogError> {
    occupations
        .get_mut(code)
        .ok_or_else(|| row.error(format!("occupation {code} is not in Occupation Data.txt")))
}

/// What ESCO says of one occupation: its skills and knowledge, lower case.
#[derive(Debug, Clone)]
pub(crate) struct EscoOccupation {
    pub(crate) essential: Vec<String>,
    pub(crate) optional: Vec<String>,
}

/// Reads the ESCO extract, keyed by preferred occupation name.
pub(crate) fn read_esco(path: &Path) -> Result<HashMap<String, EscoOccupation>, CatalogError> {
    let table = Table::tsv(path)?;
    let name = table.column("occupation_name")?;
    let essential = [
        table.column("essential_skills")?,
        table.column("essential_knowledge")?,
    ];
    let optional = table.column("optional_skills")?;
    let split = |raw: &str| -> Vec<String> {
        raw.split(';')
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let mut occupations = HashMap::new();
    for row in table.rows() {
        let occupation = EscoOccupation {
            essential: essential.iter().flat_map(|c| split(row.get(*c))).collect(),
            optional: split(row.get(optional)),
        };
        if occupations
            .insert(row.get(name).to_owned(), occupation)
            .is_some()
        {
            return Err(row.error("duplicate ESCO occupation"));
        }
    }
    Ok(occupations)
}
