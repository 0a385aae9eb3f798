//! The open data page (`/open-data`): downloads, feeds and the open API's reference, one value
//! per locale. The reference itself is read from the generated OpenAPI document.

pub struct OpenTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    pub downloads: &'static str,
    pub stats_csv: &'static str,
    pub opinions_csv: &'static str,
    pub feeds: &'static str,
    pub stories_feed: &'static str,
    pub open_feed: &'static str,
    pub call_feed: &'static str,
    pub calendar: &'static str,
    pub api: &'static str,
    pub api_lead: &'static str,
    pub api_document: &'static str,
    pub api_rules: &'static [&'static str],
    pub endpoints: &'static str,
    pub parameters: &'static str,
    pub in_path: &'static str,
    pub in_query: &'static str,
    pub example: &'static str,
    /// What an endpoint (its path in the document) gives; every documented path has one (a
    /// test checks).
    pub endpoint: fn(&str) -> Option<&'static str>,
}

pub static ZH_CN: OpenTexts = OpenTexts {
    nav: "开放数据",
    title: "开放数据与开放接口",
    lead: "本站公开的内容可以自由下载和再利用：统计数据和公开的居民意见可下载为表格，报道和征集可订阅，程序可通过开放接口读取。这里只有已经公开的内容，不含任何人的姓名和联系方式。",
    downloads: "下载",
    stats_csv: "统计数据：每次征集收到、通过审核、采纳的意见数和采纳率（CSV）",
    opinions_csv: "每次征集公开的意见：在该征集页面的“公开的意见”一节下载（CSV）",
    feeds: "订阅",
    stories_feed: "案例报道（RSS）",
    open_feed: "正在征求意见的草案（RSS）",
    call_feed: "每次征集的进展和结果：在该征集页面订阅（RSS）",
    calendar: "协商活动日历（iCalendar）",
    api: "开放接口",
    api_lead: "开放接口以 JSON 提供本站公开的内容，无需账号，只能读取。接口说明书是由程序代码生成的 OpenAPI 3.1 文档，与接口的实际返回始终一致。",
    api_document: "OpenAPI 3.1 说明书（JSON）",
    api_rules: &[
        "列表分页：每页最多 100 条（limit，默认 20）；把上一页返回的 next 原样作为 after 传入即得下一页。编号固定不变。",
        "每个回答带有 ETag，带 If-None-Match 再次请求、内容未变时返回 304；可缓存一分钟。",
        "任何网站都可以在浏览器中读取（CORS）。",
        "同一地址每分钟的请求数有上限，超出时返回 429，并说明需等待的秒数。需要大量数据请使用上面的下载。",
        "参数有误时返回 400 和说明；加上 lang=en 或 Accept-Language: en 时说明为英文。",
    ],
    endpoints: "接口一览",
    parameters: "参数",
    in_path: "路径",
    in_query: "查询",
    example: "例如",
    endpoint: |path| {
        Some(match path {
            "/api/v1/solicitations" => "征求意见的列表，最新的在前",
            "/api/v1/solicitations/{id}" => "一次征集：说明、引导问题、各版本草案和采纳情况",
            "/api/v1/solicitations/{id}/versions/{version}" => {
                "一个版本的草案全文（按编、章、节、条、款、项的树），及每条收到的意见数"
            }
            "/api/v1/solicitations/{id}/opinions" => {
                "一次征集公开的意见（已通过审核、作者同意公开），最早的在前；不含姓名和联系方式"
            }
            "/api/v1/statistics" => "全站及每次征集的意见数和采纳情况，与统计页面一致",
            "/api/v1/sessions" => "协商活动的列表，最新的在前",
            "/api/v1/sessions/{id}" => "一次协商活动，举行后含纪要和成果",
            "/api/v1/deputies" => "人大代表的列表",
            "/api/v1/deputies/{id}" => "一位人大代表及其公开的接待情况",
            "/api/v1/stories" => "案例报道的列表，最新的在前，可按类别筛选",
            "/api/v1/stories/{id}" => "一篇案例报道的全文",
            _ => return None,
        })
    },
};

pub static EN: OpenTexts = OpenTexts {
    nav: "Open data",
    title: "Open data and open API",
    lead: "What this site publishes may be downloaded and reused freely: the statistics and the published opinions of residents as spreadsheets, stories and calls as feeds, and everything through the open API for programs. Only what is already public is there, never anyone's name or contact details.",
    downloads: "Downloads",
    stats_csv: "Statistics: opinions received, accepted after review and adopted, and the adoption rate, for each call (CSV)",
    opinions_csv: "The published opinions of a call: download them under “Published opinions” on the call's page (CSV)",
    feeds: "Feeds",
    stories_feed: "Stories (RSS)",
    open_feed: "Drafts open for opinions (RSS)",
    call_feed: "The progress and outcome of each call: subscribe on the call's page (RSS)",
    calendar: "Calendar of consultation sessions (iCalendar)",
    api: "Open API",
    api_lead: "The open API gives what this site publishes as JSON, read-only and without an account. Its reference is an OpenAPI 3.1 document generated from the program's code, so it always matches what the API answers.",
    api_document: "OpenAPI 3.1 document (JSON)",
    api_rules: &[
        "Lists come in pages of at most 100 items (limit, default 20); pass a page's next as after for the next page. Ids never change.",
        "Every answer has an ETag: ask again with If-None-Match and an unchanged answer is 304. Answers may be cached for a minute.",
        "Any site may read it from a browser (CORS).",
        "Each address may make a limited number of requests a minute; past it the answer is 429 with the seconds to wait. For bulk data, use the downloads above.",
        "A bad parameter gets 400 with an explanation, in English with lang=en or Accept-Language: en.",
    ],
    endpoints: "Endpoints",
    parameters: "Parameters",
    in_path: "path",
    in_query: "query",
    example: "Example",
    endpoint: |path| {
        Some(match path {
            "/api/v1/solicitations" => "Calls for opinions, newest first",
            "/api/v1/solicitations/{id}" => {
                "A call: its explanation, guiding questions, versions of the draft and adoption figures"
            }
            "/api/v1/solicitations/{id}/versions/{version}" => {
                "A version's whole text as a tree (parts, chapters, sections, articles, paragraphs, items), with the opinions on each article"
            }
            "/api/v1/solicitations/{id}/opinions" => {
                "A call's published opinions (accepted after review, their authors agreeing), oldest first; never names or contact details"
            }
            "/api/v1/statistics" => {
                "Opinions and adoption for the whole site and each call, as on the statistics page"
            }
            "/api/v1/sessions" => "Consultation sessions, newest first",
            "/api/v1/sessions/{id}" => "A consultation session, with its minutes and outcomes once held",
            "/api/v1/deputies" => "Deputies",
            "/api/v1/deputies/{id}" => "A deputy and the published summaries of their meetings with residents",
            "/api/v1/stories" => "Stories, newest first, optionally of one kind",
            "/api/v1/stories/{id}" => "A whole story",
            _ => return None,
        })
    },
};

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn every_documented_endpoint_is_described_in_both_locales() {
        let doc = crate::server::open_api::document();
        for path in doc.paths.paths.keys() {
            assert!((super::ZH_CN.endpoint)(path).is_some(), "{path} (zh-CN)");
            assert!((super::EN.endpoint)(path).is_some(), "{path} (en)");
        }
    }
}
