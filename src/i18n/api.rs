//! The open API's error messages, one value per locale: a program's user reads them in a log or
//! shows them to a person, so they name the parameter, what is wrong and what is allowed.

pub struct ApiTexts {
    /// (parameter, value given, allowed names).
    pub unknown_parameter: fn(&str, &str) -> String,
    /// (value given, most).
    pub bad_limit: fn(&str, usize) -> String,
    pub bad_cursor: &'static str,
    /// (parameter, value given).
    pub bad_id: fn(&str, &str) -> String,
    /// (value given, allowed codes).
    pub bad_code: fn(&str, &str, &str) -> String,
    pub not_found: &'static str,
    pub rate_limited: fn(u64) -> String,
    pub unavailable: &'static str,
}

pub static ZH_CN: ApiTexts = ApiTexts {
    unknown_parameter: |name, allowed| {
        if allowed.is_empty() {
            format!("这个接口不接受查询参数，收到了“{name}”。")
        } else {
            format!("不认识的查询参数“{name}”：这个接口只接受 {allowed}。")
        }
    },
    bad_limit: |given, max| {
        format!("limit 须为 1 到 {max} 之间的整数（每页条数），收到的是“{given}”。")
    },
    bad_cursor:
        "after 不是本接口给出的游标：请原样使用上一页返回的 next 值，或去掉 after 从第一页开始。",
    bad_id: |name, given| format!("{name} 须为正整数编号，收到的是“{given}”。"),
    bad_code: |name, given, allowed| format!("{name} 只能是 {allowed} 之一，收到的是“{given}”。"),
    not_found: "没有这条公开的记录：编号不存在，或尚未公开。",
    rate_limited: |secs| {
        format!("同一地址的请求过于频繁，请 {secs} 秒后再试。需要大量数据请使用开放数据下载。")
    },
    unavailable: "服务暂时不可用，请稍后再试。",
};

pub static EN: ApiTexts = ApiTexts {
    unknown_parameter: |name, allowed| {
        if allowed.is_empty() {
            format!("This endpoint takes no query parameters; got \"{name}\".")
        } else {
            format!("Unknown query parameter \"{name}\": this endpoint accepts only {allowed}.")
        }
    },
    bad_limit: |given, max| {
        format!("limit must be a whole number from 1 to {max} (items per page); got \"{given}\".")
    },
    bad_cursor: "after is not a cursor this API gave out: pass the next value of the previous page as it is, or leave after out to start from the first page.",
    bad_id: |name, given| format!("{name} must be a positive whole number (an id); got \"{given}\"."),
    bad_code: |name, given, allowed| {
        format!("{name} must be one of {allowed}; got \"{given}\".")
    },
    not_found: "There is no such public record: the id does not exist or is not published yet.",
    rate_limited: |secs| {
        format!("Too many requests from this address; try again in {secs} seconds. For bulk data, use the open data downloads.")
    },
    unavailable: "The service is unavailable for a moment; please try again shortly.",
};
