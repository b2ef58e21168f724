//! Someone else changed the profile since the form loaded it: a three-way merge of
//! what the form loaded (`base`), what the person has typed (`mine`) and what the
//! server holds now (`theirs`), field by field, as pure data. A field only one side
//! changed takes that side's value; a field both changed to different values is a
//! conflict the person decides.
//!
//! The v1 `PUT` replaces all six fields and has no precondition, so without this a save
//! would silently undo the other change.

use crate::profile::{Draft, Field, PerField};

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
    standings: PerField<Standing>,
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
    let standings = PerField::from_fn(|field| {
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
        &self.standings[field]
    }

    /// The fields changed elsewhere to a value other than the person's, in the form's
    /// order: what the person is shown, side by side.
    pub fn changed_elsewhere(&self) -> impl Iterator<Item = Field> + '_ {
        Field::ALL
            .into_iter()
            .filter(|&f| matches!(self.standing(f), Standing::Theirs | Standing::Conflict))
    }

    /// The fields both sides changed, differently, in the form's order.
    pub fn conflicts(&self) -> impl Iterator<Item = Field> + '_ {
        Field::ALL
            .into_iter()
            .filter(|&f| *self.standing(f) == Standing::Conflict)
    }

    /// Whether the other change touched nothing the person edited differently.
    pub fn is_clean(&self) -> bool {
        self.conflicts().next().is_none()
    }

    /// The person's values.
    pub fn mine(&self) -> &Draft {
        &self.mine
    }

    /// The values the server holds now.
    pub fn theirs(&self) -> &Draft {
        &self.theirs
    }

    /// The draft to save: the person's values, and the new value of each field changed
    /// elsewhere for which `choose` says [`Choice::Theirs`] (asked only for those).
    pub fn resolve(&self, choose: impl Fn(Field) -> Choice) -> Draft {
        let mut draft = self.mine.clone();
        for field in self.changed_elsewhere() {
            if choose(field) == Choice::Theirs {
                copy_field(field, &self.theirs, &mut draft);
            }
        }
        draft
    }
}

/// A merge the person is deciding: one choice per field changed elsewhere. A field
/// only the other side changed starts on the new value (taking it loses nothing the
/// person typed); a field both changed starts undecided, so nothing is overwritten
/// without the person saying so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    merge: Merge,
    /// The server's `details.sequence` for [`Merge::theirs`].
    sequence: u64,
    choices: PerField<Option<Choice>>,
    /// A save was tried with a field undecided: from now on undecided fields say so.
    asked: bool,
}

impl Conflict {
    pub fn new(merge: Merge, sequence: u64) -> Self {
        let choices = PerField::from_fn(|f| match merge.standing(f) {
            Standing::Theirs => Some(Choice::Theirs),
            _ => None,
        });
        Self {
            merge,
            sequence,
            choices,
            asked: false,
        }
    }

    pub fn merge(&self) -> &Merge {
        &self.merge
    }

    pub fn sequence(&self) -> u64 {
        self.sequence
    }

    /// What the person chose for `field`, if anything yet.
    pub fn choice(&self, field: Field) -> Option<Choice> {
        self.choices[field]
    }

    pub fn choose(&mut self, field: Field, choice: Choice) {
        self.choices[field] = Some(choice);
    }

    /// The same choice for every field changed elsewhere.
    pub fn choose_all(&mut self, choice: Choice) {
        for field in Field::ALL {
            self.choose(field, choice);
        }
    }

    /// The first field changed elsewhere that is still undecided.
    pub fn undecided(&self) -> Option<Field> {
        self.merge
            .changed_elsewhere()
            .find(|&f| self.choice(f).is_none())
    }

    /// Whether `field` says it needs a choice: it is undecided and a save was tried.
    pub fn needs_choice(&self, field: Field) -> bool {
        self.asked
            && self.choice(field).is_none()
            && self.merge.changed_elsewhere().any(|f| f == field)
    }

    /// The draft the choices make, or the first undecided field (which from now on
    /// says it needs a choice).
    pub fn resolve(&mut self) -> Result<Draft, Field> {
        if let Some(field) = self.undecided() {
            self.asked = true;
            return Err(field);
        }
        let choices = self.choices;
        Ok(self.merge.resolve(|f| choices[f].unwrap_or(Choice::Mine)))
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
    fn resolving_keeps_both_sides_edits_and_asks_only_for_fields_changed_elsewhere() {
        let base = base();
        let mut mine = base.clone();
        mine.first_name = "Augusta".into();
        mine.nick_name = "Countess".into();
        let mut theirs = base.clone();
        theirs.first_name = "Ada Augusta".into();
        theirs.gender = Gender::Female;
        let merge = merge(&base, &mine, &theirs);
        let asked = std::cell::RefCell::new(Vec::new());
        let chosen = merge.resolve(|f| {
            asked.borrow_mut().push(f);
            if f == Field::FirstName {
                Choice::Mine
            } else {
                Choice::Theirs
            }
        });
        assert_eq!(asked.into_inner(), [Field::FirstName, Field::Gender]);
        assert_eq!(chosen.first_name, "Augusta");
        assert_eq!(chosen.nick_name, "Countess", "my other edit stays");
        assert_eq!(chosen.gender, Gender::Female, "their other edit is taken");
        let all_theirs = merge.resolve(|_| Choice::Theirs);
        assert_eq!(all_theirs.first_name, "Ada Augusta");
        assert_eq!(
            all_theirs.nick_name, "Countess",
            "mine where they changed nothing"
        );
        let all_mine = merge.resolve(|_| Choice::Mine);
        assert_eq!(
            all_mine, mine,
            "keeping mine is the form as the person sees it"
        );
    }

    #[test]
    fn a_change_elsewhere_to_fields_nobody_here_touched_is_clean() {
        let base = base();
        let mut theirs = base.clone();
        theirs.preferred_language = "de".into();
        let merge = merge(&base, &base, &theirs);
        assert!(merge.is_clean());
        assert_eq!(
            merge.changed_elsewhere().collect::<Vec<_>>(),
            [Field::PreferredLanguage]
        );
        assert_eq!(merge.resolve(|_| Choice::Theirs), theirs);
    }

    /// The first name changed on both sides, the nickname only elsewhere.
    fn changed_both_ways() -> (Draft, Draft, Conflict) {
        let base = base();
        let mut mine = base.clone();
        mine.first_name = "Augusta".into();
        let mut theirs = base.clone();
        theirs.first_name = "Ada Augusta".into();
        theirs.nick_name = "Countess".into();
        let conflict = Conflict::new(merge(&base, &mine, &theirs), 9);
        (mine, theirs, conflict)
    }

    #[test]
    fn a_conflict_starts_on_their_value_only_where_the_person_typed_nothing() {
        let (_, _, mut conflict) = changed_both_ways();
        assert_eq!(conflict.choice(Field::NickName), Some(Choice::Theirs));
        assert_eq!(conflict.choice(Field::FirstName), None);
        assert_eq!(conflict.choice(Field::LastName), None);
        assert!(
            !conflict.needs_choice(Field::FirstName),
            "not before a save is tried"
        );
        assert_eq!(conflict.resolve(), Err(Field::FirstName));
        assert!(conflict.needs_choice(Field::FirstName));
        assert!(
            !conflict.needs_choice(Field::LastName),
            "unchanged fields need nothing"
        );
        assert!(!conflict.needs_choice(Field::NickName));
        conflict.choose(Field::FirstName, Choice::Mine);
        assert!(!conflict.needs_choice(Field::FirstName));
        let resolved = conflict.resolve().unwrap();
        assert_eq!(resolved.first_name, "Augusta");
        assert_eq!(resolved.nick_name, "Countess");
        assert_eq!(conflict.sequence(), 9);
    }

    #[test]
    fn one_choice_for_every_field_at_once() {
        let (mine, theirs, mut conflict) = changed_both_ways();
        conflict.choose_all(Choice::Mine);
        assert_eq!(conflict.resolve(), Ok(mine.clone()));
        conflict.choose_all(Choice::Theirs);
        assert_eq!(conflict.resolve(), Ok(theirs));
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
        assert_eq!(merge.resolve(|_| Choice::Theirs).first_name, "Augusta");
    }
}
