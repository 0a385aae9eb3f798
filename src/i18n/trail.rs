//! The texts of the legislative trail (立法足迹): comparing versions of a draft, one value per
//! locale.

use crate::domain::align::Change;
use crate::domain::trail::Hop;

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
    pub download_docx: &'static str,
    pub download_xlsx: &'static str,
    /// Next to an article's count: how many of its opinions were given on an earlier version.
    pub carried: fn(i64) -> String,
    /// Under a later version's text: opinions on articles it no longer has.
    pub carried_deleted: fn(i64) -> String,
    /// The status page's section on what became of the article.
    pub trail_title: &'static str,
    /// (the article's label, the version it was given on).
    pub trail_lead: fn(&str, &str) -> String,
    pub trail_lead_staff: fn(&str, &str) -> String,
    /// One later version: what became of the article there (given the label it had).
    pub hop: fn(&Hop, &str) -> String,
    pub see_article: &'static str,
    pub see_compare: &'static str,
    /// The staff's review of a new version's alignment with the current one.
    pub align_title: fn(&str) -> String,
    pub align_lead: &'static str,
    pub align_unchanged: fn(usize) -> String,
    pub align_new: &'static str,
    pub align_old: &'static str,
    pub align_input: fn(&str) -> String,
    pub align_deleted: &'static str,
    /// On an opinion form sent back after a new version was saved: (the article as chosen, the
    /// version then, the version now, its number now).
    pub form_moved: fn(&str, &str, &str, &str) -> String,
    pub form_gone: fn(&str, &str, &str) -> String,
    /// The enacted text (通过稿) in the new-version form and on the public pages.
    pub fp_accepted_label: &'static str,
    pub fp_feedback_label: &'static str,
    pub enacted_legend: &'static str,
    pub enacted_check: &'static str,
    pub enacted_hint: &'static str,
    pub adopted_on: &'static str,
    pub promulgated_on: &'static str,
    pub official_url: &'static str,
    pub official_url_hint: &'static str,
    /// (adopted on, promulgated on), dates already written out.
    pub enacted_notice: fn(&str, &str) -> String,
    pub official_link: &'static str,
    /// The status page's comparison of the article then and as enacted.
    pub enacted_title: &'static str,
    /// (label then, version then)
    pub then_heading: fn(&str, &str) -> String,
    /// (label now, version now)
    pub now_heading: fn(&str, &str) -> String,
    pub enacted_deleted: &'static str,
    pub enacted_same: &'static str,
    /// The public 立法足迹 section.
    pub footprint_title: &'static str,
    pub fp_versions: &'static str,
    pub fp_changed: fn(usize, &str) -> String,
    pub fp_received: &'static str,
    /// (accepted, on articles, on the whole text or a question, on deleted articles)
    pub fp_accepted: fn(i64, i64, i64, i64) -> String,
    /// (adopted, partially, not adopted)
    pub fp_feedback: fn(i64, i64, i64) -> String,
    pub fp_rate: &'static str,
    pub fp_top: &'static str,
    pub fp_stats_link: &'static str,
    /// A case story's first draft from an opinion's trail.
    pub story_from: &'static str,
    pub story_from_hint: &'static str,
    pub story_h_call: &'static str,
    pub story_h_opinion: &'static str,
    pub story_h_article: &'static str,
    pub story_h_feedback: &'static str,
    /// (who, about what)
    pub story_who: fn(&str, &str) -> String,
    pub story_no_consent: &'static str,
    /// (the solicitation, the article)
    pub story_title: fn(&str, &str) -> String,
    pub story_summary: fn(&str) -> String,
    /// A report row of an article the report's version does not have: (label, version).
    pub apart_label: fn(&str, &str) -> String,
    /// Amending drafts (修改决定, 修正案草案) in the new-version form and on the public page.
    pub amend_legend: &'static str,
    pub amend_check: &'static str,
    pub amend_hint: &'static str,
    pub amend_base: &'static str,
    pub amend_base_pasted: &'static str,
    pub amend_base_text: &'static str,
    pub amend_base_text_hint: &'static str,
    /// The label of a pasted text in force.
    pub amend_in_force: &'static str,
    /// (the amending draft's title or the version label, the text it amends)
    pub amend_title: fn(&str, &str) -> String,
    pub amend_lead: &'static str,
    /// What a point did: (the articles of the amended text it changed, those of the earlier
    /// text it deleted or changed, whether it was applied).
    pub amend_result: fn(&[String], &[String], bool) -> String,
    pub amend_comment: &'static str,
    /// A point as an opinion's target: (its number).
    pub amend_target: fn(u32) -> String,
    pub amend_problem: fn(&crate::domain::amend::AmendProblem) -> String,
    /// In the staff queue, where an earlier version's article lies now: (the current version,
    /// its label there, none if deleted).
    pub queue_now: fn(&str, Option<&str>) -> String,
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

fn hop_zh(h: &Hop, then: &str) -> String {
    let v = &h.version_label;
    let now: Vec<&str> = h.now.iter().map(|r| r.label.as_str()).collect();
    let text = if h.amended {
        "内容已修改"
    } else {
        "内容未修改"
    };
    match h.change {
        Change::Deleted => format!("在{v}中已删去"),
        Change::Split => format!("在{v}中拆分为{}", now.join("、")),
        Change::Merged => {
            let others: Vec<&str> = h.merged_with.iter().map(|r| r.label.as_str()).collect();
            format!(
                "在{v}中与原{}合并为{}，{text}",
                others.join("、"),
                now.join("、")
            )
        }
        _ if now.first() == Some(&then) => format!("在{v}中仍为{then}，{text}"),
        _ => format!("在{v}中为{}，{text}", now.join("、")),
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
    download_docx: "下载对照表（Word 文档，横向排版）",
    download_xlsx: "下载对照表（Excel 表格）",
    carried: |n| format!("含此前版本转入 {n} 条"),
    trail_title: "条文的后续修改",
    trail_lead: |label, version| format!("您提意见的{label}（{version}），在之后的版本中："),
    trail_lead_staff: |label, version| format!("该意见针对的{label}（{version}），在之后的版本中："),
    hop: hop_zh,
    see_article: "查看该条",
    see_compare: "查看对照表",
    align_title: |base| format!("与{base}的对应关系"),
    align_lead: "系统已按条文内容把新稿与上一稿逐条比对，意见将随条文转入新稿。请核对下列有变化的条文：对应关系不对的，在“对应原条文”中改填上一稿的条号（如 12、十二 或 第十条之一；由上一稿几条合并而成的，把条号都填上，用顿号隔开，如 5、6），确属新增的请清空；改好后点“检查解析结果”重新比对，确认无误再保存。",
    align_unchanged: |n| format!("另有 {n} 条条号和内容都未变，不再列出。"),
    align_new: "新稿条文",
    align_old: "对应原条文（条号）",
    align_input: |label| format!("{label}对应的上一稿条号"),
    align_deleted: "（上一稿此条删去）",
    form_moved: |then, was, now, label| {
        format!("草案已由{was}更新为{now}：您选择的{was}{then}，在{now}中为{label}，已为您改选。请核对后再提交，您填写的内容都已保留。")
    },
    form_gone: |then, was, now| {
        format!("草案已由{was}更新为{now}：您选择的{was}{then}在{now}中已删去，意见已改为针对草案整体。请核对后再提交，您填写的内容都已保留。")
    },
    fp_accepted_label: "审核收录",
    fp_feedback_label: "采纳反馈",
    enacted_legend: "通过稿",
    enacted_check: "这是正式通过的文本（通过稿）",
    enacted_hint: "勾选后请填写通过日期、公布日期和官方发布网址。保存后，每条意见的查询页面都会显示提意见时的条文与通过稿条文的对照。",
    adopted_on: "通过日期",
    promulgated_on: "公布日期",
    official_url: "官方发布网址",
    official_url_hint: "人大网站或政府公报上的正式文本网址，以 http:// 或 https:// 开头",
    enacted_notice: |adopted, promulgated| format!("本法规已于{adopted}通过，{promulgated}公布。"),
    official_link: "查看官方发布的正式文本",
    enacted_title: "您提意见的条文，在通过稿中",
    then_heading: |label, version| format!("您提意见时：{version}{label}"),
    now_heading: |label, version| format!("{version}{label}（删去的文字以删除线、增加的文字以下划线标出）"),
    enacted_deleted: "这一条在通过稿中已删去。",
    enacted_same: "这一条在通过稿中文字未作修改。",
    footprint_title: "立法足迹",
    fp_versions: "草案版本",
    fp_changed: |n, first| format!("与{first}相比，修改、新增或删除条文 {n} 条"),
    fp_received: "收到意见",
    fp_accepted: |accepted, articles, whole, deleted| {
        let mut s = format!("{accepted} 条，其中针对具体条文 {articles} 条、针对草案整体或征集问题 {whole} 条");
        if deleted > 0 {
            s.push_str(&format!("、针对已删去条文 {deleted} 条"));
        }
        s
    },
    fp_feedback: |a, p, n| format!("采纳 {a} 条，部分采纳 {p} 条，未采纳 {n} 条"),
    fp_rate: "采纳率",
    fp_top: "意见较多的条文",
    fp_stats_link: "查看全部统计",
    story_from: "据此写一篇案例故事",
    story_from_hint: "打开案例故事编辑器，预先填好征集、条文的前后变化和采纳反馈；不含提意见人的姓名和联系方式，意见原文只在本人同意公开时带入。保存前不会公开。",
    story_h_call: "征集",
    story_h_opinion: "居民的意见",
    story_h_article: "条文的变化",
    story_h_feedback: "采纳反馈",
    story_who: |who, what| format!("一位{who}就{what}提出了意见："),
    story_no_consent: "（提意见人未同意公开意见原文。请用自己的话概述这条意见，不要写姓名、联系方式或能认出本人的细节。）",
    story_title: |call, what| format!("{call}：一条关于{what}的意见"),
    story_summary: |what| format!("一位居民就{what}提出的意见，如何进入了法规的条文。"),
    apart_label: |label, version| format!("{label}（{version}，本稿中无此条）"),
    carried_deleted: |n| {
        format!("另有 {n} 条意见针对的条文在本稿中已删去，仍计入意见总数并在意见汇总表中单列。")
    },
    amend_legend: "修改决定（修正案）草案",
    amend_check: "粘贴的是修改决定或修正案草案：按各条修改意见修改下面选定的文本，得出修改后的全文",
    amend_hint: "各条以“一、”“二、”编号，如“将第十条修改为：……”“在第二十条后增加一条，作为第二十一条：……”“删去第三十条”“将第五条中的“一年”修改为“六个月””。",
    amend_base: "所修改的文本",
    amend_base_pasted: "粘贴现行文本",
    amend_base_text: "现行文本",
    amend_base_text_hint: "所修改的文本不在本系统中时（例如现行有效的法规），把它的全文粘贴在这里，并在上面选择“粘贴现行文本”。",
    amend_in_force: "现行文本",
    amend_title: |title, base| format!("{title}（对{base}的修改）"),
    amend_lead: "本稿由下列修改形成。您可以对其中任何一处修改提意见，也可以对修改后的全文逐条提意见。",
    amend_result: |new, old, applied| {
        if !applied {
            return "这一处修改未能对应到所修改的文本，修改后的全文中未作这处改动。".into();
        }
        match (new.is_empty(), old.is_empty()) {
            (true, false) => format!("删去原{}。", old.join("、")),
            (false, true) => format!("修改后为{}。", new.join("、")),
            (false, false) if old.join("、") == new.join("、") => format!("修改后为{}。", new.join("、")),
            (false, false) => format!("原{}，修改后为{}。", old.join("、"), new.join("、")),
            (true, true) => String::new(),
        }
    },
    amend_comment: "对这处修改提意见",
    amend_target: |n| format!("第{}处修改", crate::domain::statute::chinese_numeral(n)),
    amend_problem: amend_problem_zh,
    queue_now: |version, label| match label {
        Some(l) => format!("现为{version}{l}"),
        None => format!("{version}中已删去"),
    },
};

fn amend_problem_zh(p: &crate::domain::amend::AmendProblem) -> String {
    use crate::domain::amend::AmendProblem as P;
    match p {
        P::NotUnderstood => "没有看懂这一处修改。能识别的写法有：将第N条（第M款）修改为：…… / 将第N条中的“甲”修改为“乙” / 在第N条后增加一条，作为第M条：…… / 第N条增加一款，作为第M款：…… / 删去第N条（第M款）。这一处已原样保留，请对照原文手工修改，或改写后重新检查。".into(),
        P::NoSuchArticle { article } => format!("所修改的文本中没有{article}。请核对条号，或检查所选的文本是否正确。"),
        P::NoSuchParagraph { article, paragraph } => format!("{article}没有第{}款。", crate::domain::statute::chinese_numeral(*paragraph)),
        P::WordsNotFound { article, words } => format!("{article}中没有找到“{words}”。"),
        P::NoText => "“修改为”或“增加”之后没有给出新的条文内容（应写在冒号后的引号中）。".into(),
        P::LooksLikeAmendment => "这段文字看起来是修改决定或修正案草案（以“一、将第……条修改为”这样的条目组成）。如果是，请勾选上面的“粘贴的是修改决定或修正案草案”并选择所修改的文本，系统会据此得出修改后的全文。".into(),
        P::NoPoints => "没有找到以“一、”“二、”编号的修改条目。如果粘贴的是完整的条文，请取消上面“修改决定”的勾选。".into(),
    }
}
