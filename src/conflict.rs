//! Someone else changed the profile since the form loaded it: a three-way merge of
//! what the form loaded (`base`), what the person has typed (`mine`) and what the
//! server holds now (`theirs`), field by field, as pure data. A field only one side
//! changed takes that side's value; a field both changed to different values is a
//! conflict the person decides.
//!
//! The v1 `PUT` replaces all six fields and has no precondition, so without this a save
//! would silently undo the other change.

use crate::profile::Draft;
use crate::validate::Field;

/// How one field stands after the merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Nobody changed it, or both changed it to the same value.
    Agreed,
    /// Only the person changed it: theirs is kept.
    Mine,
    /// Only the other side changed it: the new value is taken.
    Theirs,
    /// Both changed it, differently: the person chooses.
    Conflict,
}

/// Which value the person keeps for a conflicting field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
}

/// The merge of one profile: each field's standing, and both full drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    standings: [Standing; 6],
    mine: Draft,
    theirs: Draft,
}

/// A field's value as it would be saved: text trimmed, so that white space the form
/// trims anyway is no edit.
fn saved_value(field: Field, draft: &Draft) -> &str {
    field.value(draft).trim()
}

/// Merges `mine` and `theirs`, both descended from `base`.
pub fn merge(base: &Draft, mine: &Draft, theirs: &Draft) -> Merge {
    let standings = Field::ALL.map(|field| {
        let was = saved_value(field, base);
        let (m, t) = (saved_value(field, mine), saved_value(field, theirs));
        match (m != was, t != was) {
            (false, false) => Standing::Agreed,
            (true, false) => Standing::Mine,
            (false, true) => Standing::Theirs,
            (true, true) if m == t => Standing::Agreed,
            (true, true) => Standing::Conflict,
        }
    });
    Merge {
        standings,
        mine: mine.clone(),
        theirs: theirs.clone(),
    }
}

impl Merge {
    /// `field`'s standing.
    pub fn standing(&self, field: Field) -> &Standing {
        &self.standings[field as usize]
    }

    /// The fields the person has to decide, in the form's order.
    pub fn conflicts(&self) -> impl Iterator<Item = Field> + '_ {
        Field::ALL
            .into_iter()
            .filter(|&f| *self.standing(f) == Standing::Conflict)
    }

    /// Whether the other change touched nothing the person edited differently.
    pub fn is_clean(&self) -> bool {
        self.conflicts().next().is_none()
    }

    /// The draft to save: every field as the merge decided, and each conflict as
    /// `choose` says (for a field without a conflict `choose` is not asked).
    pub fn resolve(&self, choose: impl Fn(Field) -> Choice) -> Draft {
        let mut draft = self.mine.clone();
        for field in Field::ALL {
            let take_theirs = match self.standing(field) {
                Standing::Agreed | Standing::Mine => false,
                Standing::Theirs => true,
                Standing::Conflict => choose(field) == Choice::Theirs,
            };
            if take_theirs {
                copy_field(field, &self.theirs, &mut draft);
            }
        }
        draft
    }
}

fn copy_field(field: Field, from: &Draft, to: &mut Draft) {
    match field.value_mut(to) {
        Some(value) => *value = field.value(from).to_owned(),
        None => to.gender = from.gender,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Gender;

    fn base() -> Draft {
        Draft::sample()
    }

    #[test]
    fn standings_are_kept_in_the_fields_order() {
        for (index, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field as usize, index, "{field:?}");
        }
    }

    #[test]
    fn each_field_stands_by_who_changed_it() {
        let base = base();
        let mut mine = base.clone();
        mine.nick_name = "Countess".into(); // only mine
        mine.last_name = "King".into(); // both, the same
        mine.first_name = "Augusta".into(); // both, differently
        let mut theirs = base.clone();
        theirs.display_name = "A. Lovelace".into(); // only theirs
        theirs.last_name = "King".into();
        theirs.first_name = "Ada Augusta".into();
        theirs.gender = Gender::Female; // only theirs
        let merge = merge(&base, &mine, &theirs);
        assert_eq!(merge.standing(Field::NickName), &Standing::Mine);
        assert_eq!(merge.standing(Field::LastName), &Standing::Agreed);
        assert_eq!(merge.standing(Field::FirstName), &Standing::Conflict);
        assert_eq!(merge.standing(Field::DisplayName), &Standing::Theirs);
        assert_eq!(merge.standing(Field::Gender), &Standing::Theirs);
        assert_eq!(merge.standing(Field::PreferredLanguage), &Standing::Agreed);
        assert_eq!(merge.conflicts().collect::<Vec<_>>(), [Field::FirstName]);
        assert!(!merge.is_clean());
    }

    #[test]
    fn resolving_keeps_both_sides_edits_and_asks_only_for_conflicts() {
        let base = base();
        let mut mine = base.clone();
        mine.first_name = "Augusta".into();
        mine.nick_name = "Countess".into();
        let mut theirs = base.clone();
        theirs.first_name = "Ada Augusta".into();
        theirs.gender = Gender::Female;
        let merge = merge(&base, &mine, &theirs);
        let asked = std::cell::RefCell::new(Vec::new());
        let kept_mine = merge.resolve(|f| {
            asked.borrow_mut().push(f);
            Choice::Mine
        });
        assert_eq!(
            asked.into_inner(),
            [Field::FirstName],
            "only conflicts are asked"
        );
        assert_eq!(kept_mine.first_name, "Augusta");
        assert_eq!(kept_mine.nick_name, "Countess", "my other edit stays");
        assert_eq!(
            kept_mine.gender,
            Gender::Female,
            "their other edit is taken"
        );
        let took_theirs = merge.resolve(|_| Choice::Theirs);
        assert_eq!(took_theirs.first_name, "Ada Augusta");
        assert_eq!(took_theirs.nick_name, "Countess");
    }

    #[test]
    fn a_change_elsewhere_to_fields_nobody_here_touched_is_clean() {
        let base = base();
        let mut theirs = base.clone();
        theirs.preferred_language = "de".into();
        let merge = merge(&base, &base, &theirs);
        assert!(merge.is_clean());
        assert_eq!(merge.resolve(|_| unreachable!()), theirs);
    }

    #[test]
    fn white_space_the_form_trims_is_no_edit() {
        let base = base();
        let mut mine = base.clone();
        mine.first_name = "  Ada ".into();
        let mut theirs = base.clone();
        theirs.first_name = "Augusta".into();
        let merge = merge(&base, &mine, &theirs);
        assert_eq!(merge.standing(Field::FirstName), &Standing::Theirs);
        assert_eq!(merge.resolve(|_| Choice::Mine).first_name, "Augusta");
    }
}
