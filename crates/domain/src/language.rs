//! The languages answers are written in, and how a request's language is
//! chosen: from a BCP 47 tag (`RecommendRequest.language`) or, when the
//! request names none, from an `Accept-Language` list.

use oxilangtag::LanguageTag;

/// A language the service writes its sentences and names in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// English, the language of the sources.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Language {
    /// Every language spoken, English first.
    pub const ALL: [Self; 2] = [Self::En, Self::Es];

    /// The BCP 47 tag answers carry.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
        }
    }

    /// The position in [`Self::ALL`], for tables written per language.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The language a well-formed tag asks for, by its primary subtag
    /// (`es-MX` and `es-419` are Spanish); `None` when the service does
    /// not speak it.
    fn spoken(tag: &LanguageTag<&str>) -> Option<Self> {
        let primary = tag.primary_language();
        Self::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.tag()))
    }
}

/// The language an answer is written in, and whether it is not the one
/// asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Chosen {
    /// The language written.
    pub language: Language,
    /// True when a language was asked for that the service does not
    /// speak, so the answer is in English.
    pub fallback: bool,
}

/// A tag that is not well-formed BCP 47.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a well-formed BCP 47 language tag (e.g. \"en\", \"es\", \"es-MX\")")]
pub struct MalformedTag;

/// The language of a request's tag: empty is English; a well-formed tag
/// the service does not speak is English with `fallback`.
pub fn from_tag(tag: &str) -> Result<Chosen, MalformedTag> {
    if tag.is_empty() {
        return Ok(Chosen::default());
    }
    let parsed = LanguageTag::parse(tag).map_err(|_| MalformedTag)?;
    Ok(match Language::spoken(&parsed) {
        Some(language) => Chosen {
            language,
            fallback: false,
        },
        None => Chosen {
            language: Language::En,
            fallback: true,
        },
    })
}

/// The best language of an `Accept-Language` list (RFC 9110): the spoken
/// language of highest weight, the earlier on a tie; `*` is English.
/// Entries that are malformed or weighted 0 are passed over, as a header
/// is a preference, not a request field. A list naming only languages the
/// service does not speak gives English with `fallback`; an empty or
/// unreadable list gives English.
pub fn from_accept_language(header: &str) -> Chosen {
    let mut best: Option<(f32, Language)> = None;
    let mut any = false;
    for entry in header.split(',') {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .filter(|q| (0.0..=1.0).contains(q));
        let Some(weight) = weight.filter(|&q| q > 0.0) else {
            continue;
        };
        let language = if tag == "*" {
            Some(Language::En)
        } else {
            match LanguageTag::parse(tag) {
                Ok(parsed) => {
                    any = true;
                    Language::spoken(&parsed)
                }
                Err(_) => continue,
            }
        };
        if let Some(language) = language {
            if best.is_none_or(|(w, _)| weight > w) {
                best = Some((weight, language));
            }
        }
    }
    match best {
        Some((_, language)) => Chosen {
            language,
            fallback: false,
        },
        None => Chosen {
            language: Language::En,
            fallback: any,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(language: Language, fallback: bool) -> Chosen {
        Chosen { language, fallback }
    }

    #[test]
    fn tags() {
        assert_eq!(from_tag(""), Ok(chosen(Language::En, false)));
        assert_eq!(from_tag("es"), Ok(chosen(Language::Es, false)));
        assert_eq!(from_tag("es-MX"), Ok(chosen(Language::Es, false)));
        assert_eq!(from_tag("ES-419"), Ok(chosen(Language::Es, false)));
        assert_eq!(from_tag("en-US"), Ok(chosen(Language::En, false)));
        assert_eq!(from_tag("fr"), Ok(chosen(Language::En, true)));
        assert_eq!(from_tag("zh-Hant-TW"), Ok(chosen(Language::En, true)));
        for bad in ["e", "es_MX", "español", "-es", "es-", "toolongtag"] {
            assert_eq!(from_tag(bad), Err(MalformedTag), "{bad}");
        }
    }

    #[test]
    fn accept_language_lists() {
        let best = |h: &str| from_accept_language(h);
        assert_eq!(best("es-MX,es;q=0.9,en;q=0.8"), chosen(Language::Es, false));
        assert_eq!(
            best("fr-FR, en;q=0.5, es;q=0.7"),
            chosen(Language::Es, false)
        );
        assert_eq!(best("es;q=0.5, en;q=0.5"), chosen(Language::Es, false));
        assert_eq!(best("fr, de;q=0.9"), chosen(Language::En, true));
        assert_eq!(best("es;q=0, fr"), chosen(Language::En, true));
        assert_eq!(best("*"), chosen(Language::En, false));
        assert_eq!(best(""), chosen(Language::En, false));
        assert_eq!(best("es_MX, ;;;"), chosen(Language::En, false));
        assert_eq!(best("es;q=2, es-MX;q=0.3"), chosen(Language::Es, false));
    }
}
