//! The open API's reference for the open data page, read from the generated OpenAPI document
//! (so the page lists exactly what the API serves).

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A parameter of an endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamDoc {
    pub name: String,
    pub in_path: bool,
    pub description: String,
}

/// One endpoint as the document describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndpointDoc {
    pub path: String,
    pub summary: String,
    pub params: Vec<ParamDoc>,
}

/// Every endpoint of the open API, in the document's order.
#[server(endpoint = "open/reference")]
pub async fn api_reference() -> Result<Vec<EndpointDoc>, AppError> {
    use utoipa::openapi::path::ParameterIn;
    let doc = crate::server::open_api::document();
    Ok(doc
        .paths
        .paths
        .iter()
        .filter_map(|(path, item)| {
            let op = item.get.as_ref()?;
            Some(EndpointDoc {
                path: path.clone(),
                summary: op.summary.clone().unwrap_or_default(),
                params: op
                    .parameters
                    .iter()
                    .flatten()
                    .map(|p| ParamDoc {
                        name: p.name.clone(),
                        in_path: matches!(p.parameter_in, ParameterIn::Path),
                        description: p.description.clone().unwrap_or_default(),
                    })
                    .collect(),
            })
        })
        .collect())
}
