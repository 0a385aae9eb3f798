//! Simplified Chinese (zh-CN): the complete, primary locale.

use super::Texts;
use crate::domain::moderation::{RejectReason, Sort};
use crate::domain::opinion::{Channel, Identity, OpinionStatus};
use crate::domain::report::ReportStatus;
use crate::domain::solicitation::{Stage, Status};
use crate::domain::statute::{ParseWarning, ProvisionKind};
use crate::domain::text::Problem;
use crate::domain::time::format_date_zh;

fn problem(label: &str, p: &Problem) -> String {
    match p {
        Problem::Required => format!("请填写{label}。"),
        Problem::BlankOnly => format!("{label}不能只有空格，请填写内容。"),
        Problem::TooLong { max, actual } => {
            format!("{label}最多 {max} 个字，现在是 {actual} 个字，请删减。")
        }
        Problem::TooShort { min, actual } => {
            format!("{label}至少 {min} 个字，现在是 {actual} 个字。")
        }
        Problem::ControlChars => format!("{label}含有不可见的控制字符，请删除后再提交。"),
        Problem::SlugFormat => {
            format!("{label}只能用小写英文字母、数字和连字符“-”，最多 80 个字符，例如 2026-jiedao-yijian。")
        }
        Problem::SlugTaken { by } => format!("{label}已被《{by}》使用，请换一个。"),
        Problem::BadDate => format!("{label}不是有效日期，请按“2026-11-28”的格式填写。"),
        Problem::BadChoice => format!("请从列表中选择{label}。"),
        Problem::UsernameFormat => {
            format!(
                "{label}须为 3–32 个字符，以小写英文字母开头，只能含小写字母、数字和“.”“_”“-”。"
            )
        }
        Problem::UsernameTaken => format!("这个{label}已被使用，请换一个。"),
        Problem::PasswordTooCommon => {
            "这个密码太常见或太容易猜到，请换一个更长、更独特的密码。".into()
        }
        Problem::PasswordMismatch => "两次输入的密码不一致。".into(),
        Problem::BadCredentials => "用户名或密码错误。".into(),
        Problem::AccountDisabled => "该账号已停用，请联系管理员。".into(),
        Problem::SignInWait { seconds } => {
            let wait = if *seconds < 60 {
                format!("{seconds} 秒")
            } else {
                format!("{} 分钟", (seconds + 59) / 60)
            };
            format!("从这个网络登录失败的次数过多，请 {wait}后再试。忘记密码请联系管理员重置。")
        }
        Problem::SignInBusy => "同时登录的人太多，请稍等几秒后再试。".into(),
        Problem::DraftNotKept => "提交的内容有误，但同一网络一小时内退回的表单过多，这次填写的内容未能保留，请核对后重新填写。".into(),
        Problem::RecordChanged => "这条记录刚被其他人修改过，请刷新页面后再操作。".into(),
        Problem::LineTooLong { max, actual } => {
            format!("{label}每行最多 {max} 个字，有一行是 {actual} 个字，请删减。")
        }
        Problem::EndBeforeStart => format!("{label}不能早于开始日期。"),
        Problem::PhoneFormat => format!(
            "{label}应为 11 位中国大陆手机号码，以 1 开头，例如 13800138000（可带空格或短横线）。"
        ),
        Problem::ConsentRequired => "请阅读并勾选同意《个人信息保护说明》后再提交。".into(),
        Problem::NotOpenYet { opens_on, closes_on } => format!(
            "本次征集尚未开始，开放时间为 {} 至 {}，请到时再提交。您填写的内容已保留在下方。",
            format_date_zh(opens_on),
            format_date_zh(closes_on)
        ),
        Problem::ClosedSince { opens_on, closes_on } => format!(
            "本次征集已于 {} 截止（开放时间 {} 至 {}），不再接收意见。您填写的内容保留在下方，可复制留存或联系所在联系点。",
            format_date_zh(closes_on),
            format_date_zh(opens_on),
            format_date_zh(closes_on)
        ),
        Problem::NotPublished => "本次征集尚未发布，暂不接收意见。".into(),
        Problem::RateLimited { per_hour } => format!(
            "同一网络每小时最多提交 {per_hour} 条意见，已达上限，本条未保存。请稍后再试，您填写的内容保留在下方。"
        ),
        Problem::InFuture => format!("{label}不能晚于今天。"),
        Problem::TrackingNotFound => "没有找到这条意见或报名：请核对查询码（意见形如 YJ-2026-7K3Q9，活动报名形如 BM-2026-7K3Q9）和当时填写的手机号。".into(),
        Problem::TooManyLookups => "查询次数过多，请一小时后再试，或直接打开回执中的专属链接。".into(),
        Problem::NotPreviewed => "草案文本有改动，请先点“检查解析结果”，确认无误后再保存。".into(),
        Problem::NoSuchArticle { article, given, version } => format!(
            "{article}的对应条文：{version}中没有“{given}”这一条。请填写{version}的条号，如 12、十二 或 第十条之一；新增的条文请留空。"
        ),
        Problem::PromulgatedBeforeAdopted => "公布日期不能早于通过日期，请核对。".into(),
        Problem::VersionChanged { version } => format!(
            "刚有人保存了新版本“{version}”，下方的对应关系已按该版本重新比对，请核对后再保存。"
        ),
        Problem::NothingSelected => "请先勾选要处理的意见，再选择操作。".into(),
        Problem::TooMany { max, actual } => {
            format!("一次最多处理 {max} 条，现勾选了 {actual} 条，请分批处理。")
        }
        Problem::CodeFormat => format!("{label}格式不对，应形如 YJ-2026-7K3Q9。"),
        Problem::MergeTargetMissing => {
            format!("本次征集中没有{label}所填的意见，请核对查询码。")
        }
        Problem::MergeTargetClosed { status } => {
            format!("{label}所填的意见已是“{status}”状态，不能再作为合并目标，请选一条待审核或已采用的意见。")
        }
        Problem::NothingToReport => {
            "没有已采用且尚未汇总的意见。请先在审核页面采用意见。".into()
        }
        Problem::AlreadySent => "这份汇总表已经报送，不能再修改。".into(),
        Problem::EmailFormat => format!("{label}格式不对，应形如 name@example.com；不需要邮件通知可以不填。"),
        Problem::MergeAcrossSolicitations => {
            "勾选的意见属于不同的征集，只能把同一次征集的意见合并在一起。".into()
        }
        Problem::NumberRange { min, max } => format!("{label}应为 {min} 到 {max} 之间的整数。"),
        Problem::UrlFormat => format!("{label}应为以 http:// 或 https:// 开头的网址，例如 https://meeting.example.cn/123。"),
        Problem::PlaceRequired => "请填写活动地点，或在“线上参会链接”中填写网址（至少填一项）。".into(),
        Problem::TimeFormat => format!("{label}不是有效时间，请按“14:30”的格式填写（24 小时制）。"),
        Problem::EndNotAfterStart => format!("{label}应晚于开始时间。"),
        Problem::AfterSession => format!("{label}不能晚于活动当天。"),
        Problem::RegistrationNotOpen { opens, closes } => format!(
            "本场活动的报名尚未开始，报名时间为 {opens} 至 {closes}，请到时再报名。您填写的内容已保留在下方。"
        ),
        Problem::RegistrationClosed { opens, closes } => format!(
            "本场活动的报名已于 {closes} 截止（报名时间 {opens} 至 {closes}），不再接受报名。您填写的内容保留在下方，可联系承办联系点。"
        ),
        Problem::SessionCancelled => "本场活动已取消，不再接受报名。".into(),
        Problem::AlreadyRegistered => format!(
            "这个{label}已经报名了本场活动（每个手机号限报一个名额）。如需查看或取消，请打开报名回执中的专属链接，或在“查询进度”页输入报名码和手机号。"
        ),
        Problem::RegistrationNotFound => format!("本场活动没有{label}所填的报名，请核对报名码（形如 BM-2026-7K3Q9）。"),
        Problem::CannotCheckIn { name, status } => format!(
            "{name} 的报名状态是“{status}”，没有确认的名额，不能签到。如现场有空位，可先为其登记报名。"
        ),
        Problem::AlreadyEntered => "这位居民在活动中提出的意见已经录入过了，请在报名名单中点“已录入意见”查看。".into(),
        Problem::InPast => format!("{label}已经过去，请选择以后的日期和时间。"),
        Problem::SlotGone => "所选的接待时段已取消或已过去，请重新选择一个时段，或选择“以上时间都不合适”。".into(),
        Problem::SlotFull => "所选的接待时段刚刚约满，请选择其他时段，或选择“以上时间都不合适”留下方便的时间。您填写的内容已保留。".into(),
        Problem::AlreadyBooked => format!(
            "这个{label}已经预约了这个时段。如需查看或取消，请打开预约回执中的专属链接，或在“查询进度”页输入预约码和手机号。"
        ),
        Problem::CapacityBelowTaken { taken } => format!(
            "已有 {taken} 人确认报名，{label}不能少于 {taken}。如需减少名额，请先与已报名的居民沟通。"
        ),
        Problem::MergeIntoItself => format!("{label}所填的意见也在勾选之中，请取消勾选它，或换一条意见。"),
    }
}

pub static TEXTS: Texts = Texts {
    lang: "zh-CN",
    colon: "：",
    list_sep: "、",
    clause_sep: "；",
    full_stop: "。",
    paren: |s| format!("（{s}）"),
    title_quote: |s| format!("《{s}》"),
    of_row: |row, what| format!("{row}的{what}"),
    cross_site_refused: "已拒绝：这个请求来自其他网站。请在本站页面上重新操作。",
    server_busy: "服务器暂时忙不过来，这个页面没能及时打开。请稍等几秒后刷新重试。",
    export_annex_csv: "CSV（附件）",
    cs: &super::consultations::ZH_CN,
    dp: &super::deputies::ZH_CN,
    tr: &super::trail::ZH_CN,
    feeds: &super::feeds::ZH_CN,
    search: &super::search::ZH_CN,
    open: &super::open::ZH_CN,
    app_name: "民意直通车",
    og_locale: "zh_CN",
    share_description: "基层立法联系点的民意直通车：对法规草案提出意见、查看意见的办理和采纳情况、报名协商活动、预约人大代表。",
    share_image_alt: "民意直通车：基层立法联系点",
    skip_to_content: "跳到正文",
    nav_label: "主导航",
    nav_home: "首页",
    nav_stories: "案例故事",
    nav_staff: "工作人员入口",
    footer_host: "主办",
    footer_motto: "全过程人民民主 · 基层立法联系点",
    loading: "正在加载…",

    home_lead: "了解基层立法联系点的工作，阅读全过程人民民主的生动案例。",
    home_latest: "最新案例与故事",
    home_all_stories: "查看全部案例故事",

    stories_title: "案例故事",
    stories_lead: "全过程人民民主案例、立法故事和工作动态。",
    stories_filter_label: "按类型查看",
    stories_all_kinds: "全部",
    stories_empty: "这里还没有已发布的内容。",
    story_published_on: "发布日期",
    story_back: "返回案例故事列表",
    kind_case: "案例",
    kind_legislative: "立法故事",
    kind_news: "新闻",
    pager_label: "分页",
    pager_prev: "上一页",
    pager_next: "下一页",
    page_of: |p, n| format!("第 {p} 页，共 {n} 页"),

    not_found_title: "页面不存在",
    not_found_body: "您要找的页面不存在，或者已经下线。",
    back_home: "返回首页",
    error_title: "出错了",
    error_internal: "服务器暂时无法完成这个请求，请稍后再试。您填写的内容没有丢失。",
    error_forbidden: "您的账号没有权限进行这个操作。",
    error_bad_request: "提交的内容无法识别，请返回表单重新提交。",
    error_too_many: "提交太频繁，请稍后再试。",
    error_signed_out: "登录已过期，请重新登录。",
    form_has_errors: "有几处需要修改，请看标红的说明。",
    required_mark: "（必填）",
    optional_mark: "（选填）",
    max_chars: |n| format!("最多 {n} 个字"),
    chars_used: |n, max| format!("已写 {n} / {max} 字"),
    problem,

    login_title: "工作人员登录",
    login_lead: "仅供区人大常委会和各联系点工作人员使用。",
    username: "用户名",
    password: "密码",
    login_submit: "登录",
    logout: "退出登录",
    signed_in_as: "当前用户",
    staff_nav_label: "工作台导航",
    staff_home: "工作台",
    staff_home_lead: "从这里管理案例故事和工作人员账号。",
    staff_stories: "案例故事管理",
    staff_accounts: "账号管理",

    story_new: "新建案例故事",
    story_edit: "编辑案例故事",
    story_field_title: "标题",
    story_field_summary: "摘要",
    story_field_body: "正文",
    story_field_body_hint:
        "支持 Markdown：# 小标题、**加粗**、- 列表、[链接文字](https://…)。不允许脚本。",
    story_field_kind: "类型",
    story_field_slug: "网址",
    story_field_slug_hint:
        "显示在地址栏中，如 /stories/2026-jiedao-yijian。留空则按发布日期自动生成。",
    story_field_date: "发布日期",
    save: "保存",
    cancel: "取消",
    saved: "已保存。",
    status: "状态",
    published: "已发布",
    unpublished: "未发布",
    publish: "发布",
    unpublish: "撤回发布",
    edit: "编辑",
    preview: "预览",
    preview_notice: "这是预览，公众看到的页面就是这样。",
    public_link: "公开页面",
    actions: "操作",
    staff_stories_empty: "还没有案例故事，点“新建案例故事”写第一篇。",
    now_published: "已发布，公众现在可以看到。",
    now_unpublished: "已撤回发布，公众看不到了。",

    accounts_lead: "管理员可以新建、停用和重置工作人员账号。",
    account_new: "新建账号",
    display_name: "姓名",
    role: "角色",
    role_admin: "管理员",
    role_staff: "工作人员",
    station: "所属联系点",
    no_station: "区人大常委会机关",
    initial_password: "初始密码",
    new_password: "新密码",
    password_hint: "至少 10 个字符，不能是常见密码。",
    account_state: "账号状态",
    account_active: "正常",
    account_disabled: "已停用",
    account_failures: |n| format!("正常（24 小时内登录失败 {n} 次）"),
    disable: "停用",
    enable: "启用",
    reset_password: "重置密码",
    create: "新建",
    account_created: "账号已新建。",
    account_updated: "账号已更新。",
    password_was_reset: "密码已重置，该账号的所有登录已失效。",
    nav_solicitations: "征求意见",
    nav_track: "查询进度",
    home_open: "正在征求意见",
    home_figures: "意见办理情况",
    home_all_stats: "查看全部统计",
    home_outcome: "最新的征集结果",
    home_all_solicitations: "查看全部征集",
    home_none_open: "目前没有正在征求意见的事项。",
    sol_title: "征求意见",
    sol_lead: "立法前、立法中、立法后，都可以在这里提出您的意见和建议。无需注册。",
    sol_filter_stage: "按阶段查看",
    sol_filter_phase: "按状态查看",
    sol_all_stages: "全部阶段",
    sol_all_phases: "全部状态",
    sol_phase_accepting: "正在征集",
    sol_phase_upcoming: "即将开始",
    sol_phase_ended: "已截止",
    sol_phase_unpublished: "未发布",
    sol_empty: "没有符合条件的征集。",
    sol_issuer: "发布机关",
    sol_window: "征集时间",
    sol_opinions_received: "已收到意见",
    sol_outcome: "征集结果",
    sol_explanation: "起草说明",
    sol_stations: "征集联系点",
    sol_questions: "请围绕以下问题提出意见（可选）",
    sol_give_opinion: "我要提意见",
    sol_give_opinion_article: "对此条提意见",
    sol_contents: "目录",
    sol_version: "草案版本",
    sol_versions: "历次版本",
    sol_old_version_notice: "您正在阅读较早的版本。",
    sol_read_current: "阅读现行版本",
    sol_heat: "条已采纳的意见",
    sol_published_opinions: "公开的意见",
    sol_published_lead: "以下是经审核、提交人同意公开的意见，不显示姓名和联系方式。",
    sol_no_published: "暂无公开的意见。",
    sol_whole_draft: "整体意见",
    sol_not_accepting: "本次征集目前不接收意见。",
    sol_back: "返回征集列表",
    sol_annexes: "附件",
    sol_back_to_top: "回到目录",
    op_title: "提交意见",
    op_lead: "请写下您的意见。带“必填”的项目需要填写；我们会为您生成查询码，方便您随时查看处理进度。",
    op_target: "针对",
    op_target_whole: "整部草案（总体意见）",
    op_target_general: "总体意见",
    op_content: "意见内容",
    op_content_hint: "请写明您的意见，5 至 5000 字",
    op_suggestion: "修改建议",
    op_suggestion_hint: "如果您有具体的修改文字，可以写在这里",
    op_reason: "理由",
    op_about_you: "您的信息",
    op_about_you_hint: "姓名和手机号仅供工作人员联系您核实意见，不会公开。",
    op_name: "姓名",
    op_phone: "手机号",
    op_phone_hint: "11 位中国大陆手机号",
    op_street: "所在街镇",
    op_choose: "请选择",
    op_community: "所在社区",
    op_identity: "身份",
    op_publish_ok: "同意在不显示姓名的情况下公开我的意见内容",
    op_consent_before: "我已阅读并同意",
    op_privacy_link: "《个人信息保护说明》",
    op_submit: "提交意见",
    op_receipt_title: "意见已收到",
    op_receipt_lead: "感谢您的意见！请保存好下面的查询码和专属链接，凭它们可以随时查看处理进度。",
    op_code: "查询码",
    op_private_link: "专属链接",
    op_private_link_hint: "请收藏本页或复制此链接。链接含有密钥，请勿转发给他人。",
    op_status: "处理状态",
    op_timeline: "处理经过",
    op_channel: "提交方式",
    op_received_on: "收到日期",
    op_your_opinion: "您的意见",
    op_about: "关于",
    track_title: "查询意见处理进度",
    track_lead: "请输入回执上的查询码（意见或活动报名）和当时填写的手机号。也可以直接打开回执中的专属链接。",
    track_code_hint: "意见形如 YJ-2026-7K3Q9，活动报名形如 BM-2026-7K3Q9，字母不区分大小写",
    track_submit: "查询",
    track_not_found: "没有找到这条意见或报名：请核对查询码和专属链接是否完整。您也可以用查询码和手机号查询。",
    track_lookup_link: "用查询码和手机号查询",
    privacy_title: "个人信息保护说明",
    staff_solicitations: "征集管理",
    staff_opinions: "意见管理",
    sol_new: "新建征集",
    sol_edit: "编辑征集",
    sol_field_title: "标题",
    sol_field_stage: "阶段",
    sol_field_issuer: "发布机关",
    sol_field_issuer_hint: "例如：全国人大常委会法工委、市人大常委会、区人大常委会",
    sol_field_explanation: "起草说明",
    sol_field_explanation_hint: "支持 Markdown 格式",
    sol_field_questions: "引导问题",
    sol_field_questions_hint: "立法前、立法后征集可设引导问题，每行一个，每个不超过 200 字",
    sol_field_opens: "开始日期",
    sol_field_closes: "截止日期",
    sol_field_closes_hint: "截止日当天仍可提交",
    sol_field_status: "状态",
    sol_field_outcome: "征集结果",
    sol_field_outcome_hint: "征集结束后填写，公开显示在列表和详情页，支持 Markdown",
    sol_field_stations: "征集联系点",
    sol_staff_empty: "还没有征集。",
    sol_add_version: "录入新版本草案",
    sol_no_versions: "还没有草案文本。",
    sol_version_saved: "新版本草案已保存。",
    sol_enter_offline: "录入线下意见",
    sol_view_public: "查看公开页面",
    sol_view_opinions: "查看意见",
    draft_title: "录入草案文本",
    draft_lead: "把草案全文粘贴到下面（可从 Word 文件复制）。先点“检查解析结果”，核对章节和条文是否识别正确，再保存。",
    draft_label: "版本名称",
    draft_label_hint: "例如：征求意见稿、二审稿",
    draft_text: "草案全文",
    draft_check: "检查解析结果",
    draft_save: "保存为新版本",
    draft_preview: "解析结果",
    draft_warnings: "请注意以下情况",
    draft_no_warnings: "没有发现异常。",
    draft_articles: "条",
    off_title: "录入线下意见",
    off_lead: "录入居民通过座谈会、信件、电话、意见箱、信息员或来访提出的意见。保存后可打印回执交给居民。",
    off_channel: "渠道",
    off_received_on: "收到日期",
    off_contact_hint: "如居民提供了手机号，可凭查询码和手机号查询进度。",
    op_list_empty: "没有符合条件的意见。",
    op_filter: "筛选",
    op_all_solicitations: "全部征集",
    op_all_statuses: "全部状态",
    op_detail: "意见详情",
    op_contact: "联系信息",
    op_contact_audit: "查看完整联系方式会记入审计日志。",
    op_entered_by: "录入人",
    op_privacy_version: "同意的隐私说明版本",
    op_publish: "公开意愿",
    op_publish_yes: "同意匿名公开",
    op_publish_no: "不公开",
    op_entered: "线下意见已录入。",
    op_print: "打印回执",
    op_slip_title: "意见回执",
    op_slip_lead: "凭查询码和手机号，或扫码打开专属链接，可随时查看处理进度。",
    yes: "是",
    no: "否",
    filter_apply: "筛选",
    days_left_prefix: "还剩",
    stage,
    sol_status,
    channel,
    identity,
    opinion_status,
    days_left,
    opens_in,
    closed_on,
    window,
    heat,
    op_similar: "相似意见",
    op_similar_none: "同一征集中没有文字相近的意见。",
    similar_percent,
    parse_warning,
    mod_title: "意见审核",
    mod_scope: |station| format!("您只能看到和处理“{station}”的意见。"),
    mod_select_all: "全选本页",
    mod_select_one: |code| format!("选择 {code}"),
    mod_actions: "对勾选的意见",
    mod_action: "操作",
    mod_accept: "审核通过",
    mod_reject: "不予采用",
    mod_merge: "合并到另一条意见",
    mod_reason: "不予采用的原因",
    mod_note: "说明（居民可见）",
    mod_note_hint: "不予采用时，居民会看到原因和这段说明。选择信访、诉讼或仲裁而不填写时，使用标准的转办说明。",
    mod_merge_into: "合并到（查询码）",
    mod_merge_into_hint: "填写同一次征集中另一条意见的查询码，如 YJ-2026-7K3Q9。",
    mod_apply: "执行",
    mod_done: |n, status| format!("已将 {n} 条意见设为“{}”。", opinion_status(status)),
    mod_skipped: "以下意见刚被其他人处理过，未作改动：",
    mod_not_allowed: "以下意见当前的状态不允许这项操作，未作改动：",
    mod_selection: "勾选的意见",
    mod_next: "下一页",
    mod_first: "回到第一页",
    mod_clear: "清除筛选",
    mod_target: "条文",
    mod_all_targets: "全部条文",
    mod_whole: "针对整体",
    mod_all_channels: "全部渠道",
    mod_all_streets: "全部街镇",
    mod_all_identities: "全部身份",
    mod_station: "联系点",
    mod_all_stations: "全部联系点",
    mod_from: "收到日期从",
    mod_to: "收到日期至",
    mod_keyword: "关键词或查询码",
    mod_sort: "排序",
    mod_empty: "没有符合条件的意见。",
    sort: |s| match s {
        Sort::Newest => "最新的在前",
        Sort::Oldest => "最早的在前",
    },
    reject_reason,
    referral_default,
    mod_clusters: "相似意见分组",
    mod_clusters_lead: |n, capped| {
        if capped {
            format!("比较了最新的 {n} 条待审核意见，内容相近的归为一组。处理完这些后再打开本页，会比较更早的意见。")
        } else {
            format!("比较了全部 {n} 条待审核意见，内容相近的归为一组。")
        }
    },
    mod_cluster_count: |n| format!("{n} 条相近意见"),
    mod_cluster_members: "查看本组全部查询码",
    mod_cluster_merge: |n, code| format!("将其余 {n} 条并入 {code}"),
    mod_clusters_none: "没有发现内容相近的待审核意见。",
    mod_moderate: "审核",
    mod_not_pending: "这条意见已审核过，不在待审核状态。",
    mod_outcome_by_district: "这条意见已报送，采纳情况由区人大常委会办公室录入。",
    op_reject_reason: "未采用原因",
    op_merged_into: |code| format!("您的意见与内容相同的意见 {code} 合并处理，处理结果会一并告知您。"),
    fb_title: "采纳反馈",
    fb_outcome: "采纳情况",
    fb_note_hint: "写明采纳在哪里（如“已吸收进修改稿第三条第二款”）或未采纳的理由。居民会看到这段说明。",
    fb_record: "记录采纳情况",
    fb_article: "本条意见的采纳反馈",
    fb_article_lead: |n| format!("有 {n} 条已上报的意见等待反馈，可以一次记录。"),
    fb_done_all: "本条意见都已记录采纳情况。",
    op_merged_outcome: "所并入意见的处理结果",
    op_email: "电子邮箱",
    op_email_hint: "选填。填写后，意见被采用、上报和收到采纳反馈时，我们会发邮件告诉您；几次变化挨得很近时合并成一封。",
    nt_subject: |code| format!("您的意见 {code} 有新进展"),
    nt_body: |title, code, status, note, link| {
        let note = if note.is_empty() { String::new() } else { format!("\n{note}\n") };
        format!("您好：\n\n您对“{title}”提出的意见（查询码 {code}）现在的状态是：{status}。\n{note}\n查看处理经过：{link}\n\n此邮件由系统自动发送，请勿直接回复。")
    },
    nt_title: "给居民的通知",
    nt_lead: "意见被采用、转办、上报和收到采纳反馈时，以及活动和约见有变化时，系统给居民发一条通知，几次变化挨得很近时合并成一条。留了邮箱且配置了邮件服务器的，自动发邮件；其余的列在这里，请打印后寄送或电话告知，送达后记一笔，直到每一条都有着落。",
    nt_empty: "没有需要人工送达的通知。",
    nt_status: |s| match s {
        "pending" => "等待发送",
        "sent" => "已发邮件",
        "kept" => "待人工送达",
        _ => "发送失败",
    },
    nt_to: "收件人",
    nt_to_do: |n| format!("待送达（{n}）"),
    nt_done: |n| format!("已送达（{n}）"),
    nt_empty_done: "还没有记录为已送达的通知。",
    nt_how: |h| match h {
        "phone" => "电话告知",
        "visit" => "上门送达",
        "post" => "邮寄",
        _ => "其他方式",
    },
    nt_how_label: "送达方式",
    nt_mark: "记为已送达",
    nt_delivered: |when, who, how| format!("已于 {when} 由 {who} {how}。"),
    nt_superseded: |when| format!("{when} 有了关于这条意见的新通知，这一条无需再送达。"),
    nt_saved: "已记为送达。",
    nt_already: "这条通知已由其他人记为送达，未作改动。",
    staff_notifications: "通知",
    stats_title: "数据统计",
    stats_received: "收到意见",
    stats_accepted: "审核通过",
    stats_reported: "汇总上报",
    stats_adopted_any: "采纳（含部分采纳）",
    stats_rate: "采纳率",
    stats_rate_hint: "采纳率 =（采纳 + 部分采纳）÷ 已反馈采纳情况的意见。“审核通过”包括其后已上报和已反馈的意见；收到意见 = 待审核 + 审核通过 + 未予采用 + 合并。反馈天数从提交之日算到收到采纳反馈之日，取中位数。",
    stats_median: "收到反馈的中位天数",
    stats_days: |d| format!("{d:.1} 天"),
    stats_by_status: "按当前处理状态",
    stats_by_channel: "按渠道",
    stats_by_street: "按街镇",
    stats_per_solicitation: "各次征集",
    stats_no_street: "未填写街镇",
    stats_total: "合计",
    stats_count: "件数",
    stats_all: "查看全部征集的统计",
    nav_stats: "数据统计",
    audit_title: "审计日志",
    audit_lead: "记录谁在什么时候对哪条记录做了什么：审核与反馈、导出、查看居民个人信息、登录和账号变更。日志只增不改，任何人都不能修改或删除。",
    audit_at: "时间",
    audit_actor: "操作人",
    audit_action: "操作",
    audit_record: "对象",
    audit_record_type: "对象类型",
    audit_record_id: "对象编号",
    audit_detail: "详情",
    audit_all: "全部",
    audit_system: "系统",
    audit_empty: "没有符合条件的记录。",
    staff_audit: "审计日志",
    personal_data: "个人信息权限",
    personal_yes: "可查看",
    personal_no: "不可查看",
    personal_grant: "授予个人信息权限",
    personal_revoke: "收回个人信息权限",
    op_personal_hidden: "您没有查看居民个人信息的权限，姓名和手机号已部分隐去。工作确有需要时，请联系管理员授权。",
    rep_file: "意见汇总表",
    rep_annex_file: "意见明细",
    rep_annex_title: "附件：意见明细",
    rep_whole: "总体意见",
    rep_annex_elsewhere: |n| format!("本次汇总共 {n} 条意见，逐条明细见同时导出的 Excel 工作簿“意见明细”表或“意见明细”CSV 文件。"),
    rep_col_article: "条文",
    rep_col_text: "条文内容",
    rep_col_summary: "意见摘要",
    rep_col_count: "意见数",
    rep_col_people: "人数",
    rep_col_sources: "意见来源",
    rep_col_handling: "处理意见",
    rep_subtitle: |title, n, day| format!("征集：{title}。共 {n} 条意见，{} 汇总。", format_date_zh(day)),
    rep_sent_to: |to, day| format!("已于 {} 报送{to}。", format_date_zh(day)),
    rep_default_title: |title| format!("《{title}》意见汇总表"),
    rep_list: "意见汇总表",
    rep_new: "汇总已采用的意见",
    rep_waiting: |n| format!("有 {n} 条已采用的意见尚未汇总。"),
    rep_none: "还没有汇总表。",
    rep_status: |s| match s {
        ReportStatus::Draft => "草稿",
        ReportStatus::Sent => "已报送",
    },
    rep_count: |n| format!("{n} 条意见"),
    rep_edit_lead: "逐条填写意见摘要和处理意见，保存后可以导出。登记报送后，汇总表不能再修改。",
    rep_refresh: "补充汇总后来采用的意见",
    rep_refreshed: "已补充新采用的意见。",
    rep_export: "导出",
    rep_print: "打印版",
    rep_send_title: "登记报送",
    rep_recipient: "报送单位",
    rep_recipient_hint: "如：市人大常委会法制工作委员会",
    rep_sent_on: "报送日期",
    rep_send: "登记为已报送",
    rep_sent: "已登记报送，汇总表中的意见已改为“已汇总上报”。",
    rep_sent_note: |to| format!("您的意见已汇总报送{to}。"),
    rep_personal_yes: "导出文件的附件含居民姓名和手机号，请妥善保管，不要外传。",
    rep_personal_no: "导出文件不含居民姓名和手机号（您没有个人信息权限）。",
    rep_district_only: "意见汇总和报送由区人大常委会工作人员办理。",
    privacy_body: PRIVACY,
};

fn stage(s: Stage) -> &'static str {
    match s {
        Stage::Planning => "立法前",
        Stage::Drafting => "立法中",
        Stage::Evaluation => "立法后",
    }
}

fn sol_status(s: Status) -> &'static str {
    match s {
        Status::Draft => "草稿（未发布）",
        Status::Open => "发布征集",
        Status::Closed => "已截止",
        Status::Reported => "已汇总上报",
        Status::Concluded => "已办结",
    }
}

fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Online => "网上提交",
        Channel::Meeting => "座谈会",
        Channel::Letter => "信件",
        Channel::Phone => "电话",
        Channel::Mailbox => "意见箱",
        Channel::Informant => "信息员",
        Channel::Visit => "来访",
    }
}

fn identity(i: Identity) -> &'static str {
    match i {
        Identity::Resident => "居民",
        Identity::Business => "企业",
        Identity::SocialOrg => "社会组织",
        Identity::Lawyer => "律师",
        Identity::Deputy => "人大代表",
        Identity::Cppcc => "政协委员",
        Identity::Other => "其他",
    }
}

fn opinion_status(s: OpinionStatus) -> &'static str {
    match s {
        OpinionStatus::Pending => "已收到，待审核",
        OpinionStatus::Accepted => "审核通过",
        OpinionStatus::Rejected => "未予采用",
        OpinionStatus::Merged => "已与相同意见合并",
        OpinionStatus::Reported => "已汇总上报",
        OpinionStatus::Adopted => "已采纳",
        OpinionStatus::PartiallyAdopted => "部分采纳",
        OpinionStatus::NotAdopted => "未采纳",
    }
}

fn days_left(n: i64) -> String {
    if n <= 1 {
        "今天截止".into()
    } else {
        format!("还剩 {n} 天")
    }
}

fn opens_in(date: &str) -> String {
    format!("{} 开始", format_date_zh(date))
}

fn closed_on(date: &str) -> String {
    format!("已于 {} 截止", format_date_zh(date))
}

fn window(from: &str, to: &str) -> String {
    format!("{} 至 {}", format_date_zh(from), format_date_zh(to))
}

fn heat(n: i64) -> String {
    format!("{n} 条意见")
}

/// The privacy notice: (heading, paragraph) pairs. Its version is `opinion::PRIVACY_VERSION`.
static PRIVACY: &[(&str, &str)] = &[
    ("我们收集什么", "您提交意见时填写的姓名、手机号、所在街镇和社区、身份类别，以及意见内容、修改建议和理由。网上提交时，我们还会在一小时内临时记录您网络地址的不可逆摘要，用于防止滥用；摘要不能还原出地址，一小时后即删除。工作人员代您录入线下意见时，记录收到渠道、日期和录入人。"),
    ("为什么收集", "姓名和手机号仅用于工作人员必要时联系您核实意见、反馈采纳情况，以及您凭查询码和手机号查询进度。意见内容用于整理汇总、报送立法机关。只有您勾选同意时，意见内容才会在不显示姓名和联系方式的情况下公开。"),
    ("谁能看到", "公众看不到您的姓名和手机号。工作人员在列表中只能看到隐去中间四位的手机号；查看完整号码时，系统会记录查看人、时间和所查看的意见，以备审计。"),
    ("保存多久", "意见及其处理记录作为立法工作档案保存。您的姓名、手机号等个人信息自该次征集办结之日起保存三年，期满后删除或匿名化处理，意见内容保留。"),
    ("如何查询、更正或删除", "您可以凭查询码查看意见和处理经过。如需更正或删除您的个人信息，或撤回公开意见的同意，请携带查询码到所在基层立法联系点，或在联系点开放时间致电联系点，工作人员核实身份后将在 15 个工作日内处理并告知结果。"),
    ("报名活动和预约代表", "报名协商活动时，我们收集姓名、手机号、工作单位或社区（选填）、想提出的问题和电子邮箱（选填）；预约人大代表时，收集姓名、手机号、想反映的事项和电子邮箱（选填）。这些信息只用于安排座位或见面、现场签到、通知活动变动和提醒，以及反馈办理结果。工作人员名单中的手机号同样隐去中间四位。代表页面公开的接待情况摘要不含姓名、电话等个人信息。报名和预约信息自活动或见面结束之日起保存三年，期满后删除或匿名化处理。"),
    ("版本", "本说明版本：2026-11。说明更新时，我们会在本页公布新版本；每条意见都记录了提交时同意的版本。"),
];

fn level(k: ProvisionKind) -> &'static str {
    match k {
        ProvisionKind::Part => "编",
        ProvisionKind::Subpart => "分编",
        ProvisionKind::Chapter => "章",
        ProvisionKind::Section => "节",
        ProvisionKind::Article => "条",
        ProvisionKind::Paragraph => "款",
        ProvisionKind::Item => "项",
        ProvisionKind::SubItem => "目",
    }
}

fn parse_warning(w: &ParseWarning) -> String {
    match w {
        ParseWarning::Skipped {
            kind,
            expected,
            found,
            line,
        } => format!(
            "第 {line} 行：编号跳过了，应为第{expected}{l}，这里是第{found}{l}。",
            l = level(*kind)
        ),
        ParseWarning::Repeated { kind, number, line } => format!(
            "第 {line} 行：第{number}{l}重复或倒序出现。",
            l = level(*kind)
        ),
        ParseWarning::Orphan { line, text } => {
            let short: String = text.chars().take(30).collect();
            format!("第 {line} 行：“{short}”不属于任何一条，保存后不会显示。")
        }
        ParseWarning::Amendment { point: 0, problem } => {
            (crate::i18n::trail::ZH_CN.amend_problem)(problem)
        }
        ParseWarning::Amendment { point, problem } => format!(
            "第{}处修改：{}",
            crate::domain::statute::chinese_numeral(*point),
            (crate::i18n::trail::ZH_CN.amend_problem)(problem)
        ),
        ParseWarning::NoArticles => {
            "没有识别出任何条文（每条应以“第一条”“第二条”这样的编号开头）。".into()
        }
    }
}

fn reject_reason(r: RejectReason) -> &'static str {
    match r {
        RejectReason::Spam => "垃圾信息",
        RejectReason::OffTopic => "与征集主题无关",
        RejectReason::Abusive => "含有辱骂或不文明内容",
        RejectReason::Duplicate => "与已有意见重复",
        RejectReason::Petition => "属于信访事项",
        RejectReason::Litigation => "属于诉讼事项",
        RejectReason::Arbitration => "属于仲裁事项",
    }
}

/// What a resident reads when their matter belongs to another channel and staff wrote nothing
/// more specific.
fn referral_default(r: RejectReason) -> &'static str {
    match r {
        RejectReason::Petition => "您反映的是具体的信访事项，不属于本次立法征求意见的范围。请向区信访局或有关部门提出，也可以通过国家信访局网上信访平台反映，我们不再转交。",
        RejectReason::Litigation => "您反映的事项属于诉讼程序处理的范围。请依法向人民法院提起诉讼或咨询律师；需要法律援助的，可以拨打 12348 公共法律服务热线。",
        RejectReason::Arbitration => "您反映的事项属于仲裁处理的范围。劳动人事争议请向区劳动人事争议仲裁院申请仲裁，其他合同纠纷可按约定向仲裁委员会申请；可拨打 12348 咨询。",
        _ => "",
    }
}

fn similar_percent(p: u8) -> String {
    format!("相似度 {p}%")
}

/// The names of the audit log's actions.
pub fn audit_action(code: &str) -> Option<&'static str> {
    Some(match code {
        "account.create" => "创建账号",
        "account.disable" => "停用账号",
        "account.enable" => "启用账号",
        "account.reset_password" => "重置密码",
        "account.grant_personal_data" => "授予个人信息权限",
        "account.revoke_personal_data" => "收回个人信息权限",
        "session.sign_in" => "登录",
        "opinion.transition" => "审核或反馈意见",
        "opinion.view_contact" => "查看居民个人信息",
        "opinion.enter_offline" => "录入线下意见",
        "report.create" => "生成意见汇总表",
        "report.edit" => "编辑意见汇总表",
        "report.refresh" => "补充汇总意见",
        "report.send" => "登记报送",
        "report.export" => "导出意见汇总表",
        "solicitation.create" => "创建征集",
        "solicitation.update" => "修改征集",
        "draft.add_version" => "录入草案新版本",
        "story.create" => "创建稿件",
        "story.update" => "修改稿件",
        "story.publish" => "发布稿件",
        "story.unpublish" => "撤回稿件",
        _ => return None,
    })
}
