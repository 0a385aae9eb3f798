//! Simplified Chinese (zh-CN): the complete, primary locale.

use super::Texts;
use crate::domain::text::Problem;

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
        Problem::LockedOut { minutes } => {
            format!("登录失败次数过多，该账号已暂时锁定，请 {minutes} 分钟后再试。")
        }
        Problem::RecordChanged => "这条记录刚被其他人修改过，请刷新页面后再操作。".into(),
    }
}

pub static TEXTS: Texts = Texts {
    lang: "zh-CN",
    app_name: "民意直通车",
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
    account_locked: "暂时锁定",
    disable: "停用",
    enable: "启用",
    reset_password: "重置密码",
    create: "新建",
    account_created: "账号已新建。",
    account_updated: "账号已更新。",
    password_was_reset: "密码已重置，该账号的所有登录已失效。",
};
