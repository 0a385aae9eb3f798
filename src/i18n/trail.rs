//! The texts of the legislative trail (立法足迹): comparing versions of a draft, one value per
//! locale.

use crate::domain::align::Change;

/// Texts of the comparison table (对照表) between two versions of a draft.
pub struct TrailTexts {
    pub compare: &'static str,
    pub compare_title: fn(&str) -> String,
    pub compare_lead: fn(&str, &str) -> String,
    pub compare_link: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub show: &'static str,
    pub only_changed: &'static str,
    pub all_articles: &'static str,
    pub old_text: &'static str,
    pub new_text: &'static str,
    pub what_changed: &'static str,
    pub summary: fn(&[(Change, usize)]) -> String,
    pub one_version: &'static str,
    pub same_version: &'static str,
    pub no_changes: &'static str,
    pub change: fn(Change) -> &'static str,
    /// What changed, in words: the kind, and the numbers where they differ.
    pub describe: fn(Change, bool, &[String], &[String]) -> String,
    /// In the column of a version that has no such article (added or deleted).
    pub no_article: &'static str,
    pub gone_mark: &'static str,
    pub added_mark: &'static str,
    pub legend: &'static str,
    pub back: &'static str,
    pub read_version: &'static str,
}

fn change_zh(c: Change) -> &'static str {
    match c {
        Change::Unchanged => "未修改",
        Change::Renumbered => "条序调整",
        Change::Amended => "内容修改",
        Change::Moved => "位置移动",
        Change::Split => "拆分",
        Change::Merged => "合并",
        Change::Added => "新增",
        Change::Deleted => "删除",
    }
}

fn describe_zh(c: Change, amended: bool, old: &[String], new: &[String]) -> String {
    let old = old.join("、");
    let new = new.join("、");
    let and_text = if amended {
        "，内容修改"
    } else {
        "，内容未改"
    };
    match c {
        Change::Unchanged => "未修改".into(),
        Change::Renumbered => format!("{old}改为{new}，内容未改"),
        Change::Amended if old == new => "内容修改".into(),
        Change::Amended => format!("内容修改，{old}改为{new}"),
        Change::Moved => format!("{old}移至{new}{and_text}"),
        Change::Split => format!("{old}拆分为{new}"),
        Change::Merged => format!("{old}合并为{new}"),
        Change::Added => format!("新增{new}"),
        Change::Deleted => format!("删除{old}"),
    }
}

fn summary_zh(counts: &[(Change, usize)]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| format!("{}{n}条", change_zh(*c)))
        .collect();
    parts.join("，")
}

pub static ZH_CN: TrailTexts = TrailTexts {
    compare: "对照表",
    compare_title: |title| format!("{title} 修改对照表"),
    compare_lead: |from, to| {
        format!("{from}与{to}逐条对照：删去的文字以删除线标出，增加的文字以下划线标出。")
    },
    compare_link: "查看各版本修改对照表",
    from: "原版本",
    to: "新版本",
    show: "对照",
    only_changed: "只看有修改的条文",
    all_articles: "显示全部条文",
    old_text: "原条文",
    new_text: "修改后条文",
    what_changed: "修改情况",
    summary: summary_zh,
    one_version: "这部草案只有一个版本，暂无对照表。",
    same_version: "请选择两个不同的版本进行对照。",
    no_changes: "两个版本的条文没有修改。",
    change: change_zh,
    describe: describe_zh,
    no_article: "（本版本无此条）",
    gone_mark: "删去：",
    added_mark: "增加：",
    legend: "删去的文字以删除线标出，增加的文字以下划线标出。",
    back: "返回征求意见页面",
    read_version: "阅读此版本全文",
};
