//! The outline: which numbered paragraphs are headings, at which level, under
//! which parent — including the repairs that let a misnumbered heading keep its
//! place (`1、 概述` among `二、三、四、`, `（3）` among `（一）（二）…（五）`), so
//! that `heading-numbering` can report the style while structure rules still
//! see the heading where the author meant it.

use super::marker::NumberStyle;

/// What the outline needs to know of one candidate heading.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub style: NumberStyle,
    pub ordinal: u32,
}

/// Where the outline puts one heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// 1-based depth.
    pub level: usize,
    pub parent: Option<usize>,
    /// The style rank this heading acts at; differs from its own style's rank
    /// when the author numbered it in another level's style.
    pub acting: NumberStyle,
}

/// Places headings given in document order.
pub fn place(cands: &[Candidate]) -> Vec<Placement> {
    let mut acting: Vec<NumberStyle> = cands.iter().map(|c| c.style).collect();
    // Each repair only ever lowers the number of mismatches between a sibling
    // run and its ordinals, so a handful of rounds settle it; the bound guards
    // against oscillation on adversarial input.
    for _ in 0..8 {
        let tree = build(&acting);
        if !(repair_top(cands, &tree, &mut acting) | repair_gaps(cands, &tree, &mut acting)) {
            break;
        }
    }
    let tree = build(&acting);
    (0..cands.len())
        .map(|i| Placement {
            level: tree.depth[i],
            parent: tree.parent[i],
            acting: acting[i],
        })
        .collect()
}

struct Tree {
    parent: Vec<Option<usize>>,
    depth: Vec<usize>,
    /// Children of each heading; index `n` (one past the last) is the root.
    children: Vec<Vec<usize>>,
}

fn build(acting: &[NumberStyle]) -> Tree {
    let n = acting.len();
    let mut parent = vec![None; n];
    let mut depth = vec![1; n];
    let mut children = vec![Vec::new(); n + 1];
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..n {
        while stack.last().is_some_and(|&t| acting[t] >= acting[i]) {
            stack.pop();
        }
        parent[i] = stack.last().copied();
        depth[i] = stack.len() + 1;
        children[parent[i].unwrap_or(n)].push(i);
        stack.push(i);
    }
    Tree {
        parent,
        depth,
        children,
    }
}

/// The top-level run starts at 二 while the document's first heading is a
/// `1`-numbered heading of another style: that heading is 一.
fn repair_top(cands: &[Candidate], tree: &Tree, acting: &mut [NumberStyle]) -> bool {
    let roots = &tree.children[cands.len()];
    let Some(top) = roots.iter().map(|&r| acting[r]).min() else {
        return false;
    };
    let Some(&first_top) = roots.iter().find(|&&r| acting[r] == top) else {
        return false;
    };
    let need = cands[first_top].ordinal.saturating_sub(1);
    if need == 0 || first_top == 0 || cands[0].ordinal != 1 || acting[0] == top {
        return false;
    }
    let style = cands[0].style;
    let mut picks = vec![0];
    for k in 2..=need {
        let from = picks[picks.len() - 1] + 1;
        match (from..first_top).find(|&i| cands[i].style == style && cands[i].ordinal == k) {
            Some(i) => picks.push(i),
            None => return false,
        }
    }
    for i in picks {
        acting[i] = top;
    }
    true
}

/// A sibling run jumps from `a` to `b` while `a`'s first children, in another
/// style, carry exactly the missing ordinals: they are siblings, misnumbered.
fn repair_gaps(cands: &[Candidate], tree: &Tree, acting: &mut [NumberStyle]) -> bool {
    let mut changed = false;
    for kids in &tree.children {
        for (pos, &a) in kids.iter().enumerate() {
            let next = kids[pos + 1..].iter().find(|&&k| acting[k] == acting[a]);
            let wanted = match next {
                Some(&b) if cands[b].ordinal > cands[a].ordinal + 1 => {
                    cands[b].ordinal - cands[a].ordinal - 1
                }
                Some(_) => continue,
                None => u32::MAX,
            };
            let grand = &tree.children[a];
            let run = grand
                .iter()
                .enumerate()
                .take_while(|&(j, &g)| {
                    (j as u32) < wanted
                        && cands[g].ordinal == cands[a].ordinal + 1 + j as u32
                        && cands[g].style == cands[grand[0]].style
                })
                .count();
            let complete = if wanted == u32::MAX {
                run > 0 && run == grand.len()
            } else {
                run as u32 == wanted
            };
            if complete && cands[a].ordinal > 0 {
                for &g in &grand[..run] {
                    acting[g] = acting[a];
                }
                changed = true;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::*;

    fn c(style: NumberStyle, ordinal: u32) -> Candidate {
        Candidate { style, ordinal }
    }

    #[test]
    fn arabic_first_top_heading_is_repaired() {
        // 同江 2017: 1、概述 (一) 1. 2. (二) 二、 （一） （二） （3） （4） （五） 三、
        let cands = [
            c(Arabic, 1),
            c(ParenCjk, 1),
            c(Arabic, 1),
            c(Arabic, 2),
            c(ParenCjk, 2),
            c(CjkComma, 2),
            c(ParenCjk, 1),
            c(ParenCjk, 2),
            c(ParenArabic, 3),
            c(ParenArabic, 4),
            c(ParenCjk, 5),
            c(CjkComma, 3),
        ];
        let p = place(&cands);
        let levels: Vec<usize> = p.iter().map(|p| p.level).collect();
        assert_eq!(levels, [1, 2, 3, 3, 2, 1, 2, 2, 2, 2, 2, 1]);
        assert_eq!(p[0].acting, CjkComma);
        assert_eq!(p[8].acting, ParenCjk);
        assert_eq!(p[8].parent, Some(5));
    }

    #[test]
    fn a_real_sub_list_is_left_alone() {
        let cands = [
            c(CjkComma, 1),
            c(ParenCjk, 1),
            c(ParenArabic, 1),
            c(ParenArabic, 2),
            c(ParenCjk, 2),
        ];
        let p = place(&cands);
        let levels: Vec<usize> = p.iter().map(|p| p.level).collect();
        assert_eq!(levels, [1, 2, 3, 3, 2]);
        assert!(p.iter().zip(&cands).all(|(p, c)| p.acting == c.style));
    }
}
