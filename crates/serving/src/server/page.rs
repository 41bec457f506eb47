//! The page people use in a browser: `GET /` is the form and the advice,
//! `GET /page/<file>` its scripts and styles, all built into the binary
//! (`crates/serving/page/`), nothing fetched from elsewhere. The page
//! calls the HTTP/JSON door like any other client, under the same keys,
//! quotas and limits.
//!
//! `/page/embed.js` mounts the same page into an element of another site's
//! page (an admissions portal's, with its publishable key), so the files
//! under `/page/` may be loaded from any origin; the calls they make are
//! still held to the key's origins and CORS. `/` itself may be framed only
//! by the origins the server allows.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body_util::Full;
use rust_embed::RustEmbed;
use tonic::body::Body;
use tonic::codegen::http::{self, header, HeaderValue, Method, StatusCode};
use tower::{Layer, Service};

/// The page's files.
#[derive(RustEmbed)]
#[folder = "page/"]
struct Files;

/// Where the page's own files are served from.
const FILES_PREFIX: &str = "/page/";

/// Serves the page, when on, in front of the services.
#[derive(Debug, Clone)]
pub(crate) struct PageLayer {
    page: Option<Arc<Headers>>,
}

/// The headers every answer of the page's carries.
#[derive(Debug)]
struct Headers {
    /// `Content-Security-Policy` of `/`.
    policy: HeaderValue,
}

impl PageLayer {
    /// The page when `enabled`, framed only by itself and `origins`.
    pub(crate) fn new(enabled: bool, origins: &[String]) -> Self {
        let page = enabled.then(|| {
            let ancestors: Vec<&str> = std::iter::once("'self'")
                .chain(origins.iter().map(String::as_str))
                .collect();
            // Origins were checked when the configuration loaded: plain
            // scheme, host and port.
            let policy = format!(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                 connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors {}",
                ancestors.join(" ")
            );
            Arc::new(Headers {
                policy: HeaderValue::from_str(&policy).expect("origins are header values"),
            })
        });
        Self { page }
    }
}

impl<S> Layer<S> for PageLayer {
    type Service = Page<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Page {
            inner,
            page: self.page.clone(),
        }
    }
}

/// See the module documentation.
#[derive(Debug, Clone)]
pub(crate) struct Page<S> {
    inner: S,
    page: Option<Arc<Headers>>,
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

impl<S> Service<http::Request<Body>> for Page<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>> + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let Some(headers) = &self.page else {
            return Box::pin(self.inner.call(request));
        };
        if !matches!(*request.method(), Method::GET | Method::HEAD) {
            return Box::pin(self.inner.call(request));
        }
        let path = request.uri().path();
        let response = if path == "/" {
            Some(serve("index.html", &request, Some(headers)))
        } else {
            path.strip_prefix(FILES_PREFIX)
                .map(|file| serve(file, &request, None))
        };
        match response {
            Some(response) => Box::pin(async move { Ok(response) }),
            None => Box::pin(self.inner.call(request)),
        }
    }
}

/// The answer to a GET of `file`: the file, 304 when the client holds
/// this version (`If-None-Match`), or 404. `headers` for the page itself;
/// none for its files, which any origin may load.
fn serve(
    file: &str,
    request: &http::Request<Body>,
    headers: Option<&Headers>,
) -> http::Response<Body> {
    let Some(found) = Files::get(file) else {
        return plain(StatusCode::NOT_FOUND, "no such file\n");
    };
    let etag = format!("\"{}\"", hex::encode(&found.metadata.sha256_hash()[..12]));
    let fresh = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag));
    let (status, body) = if fresh {
        (StatusCode::NOT_MODIFIED, Bytes::new())
    } else if request.method() == Method::HEAD {
        (StatusCode::OK, Bytes::new())
    } else {
        // Built in, the file is borrowed for the process's life; read
        // from disk (debug builds), it is owned.
        let body = match found.data {
            std::borrow::Cow::Borrowed(data) => Bytes::from_static(data),
            std::borrow::Cow::Owned(data) => Bytes::from(data),
        };
        (StatusCode::OK, body)
    };
    let mut response = http::Response::new(Body::new(Full::new(body)));
    *response.status_mut() = status;
    let set = response.headers_mut();
    let mime = found.metadata.mimetype();
    let content_type = if mime.starts_with("text/") || mime.ends_with("javascript") {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_owned()
    };
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        set.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&etag) {
        set.insert(header::ETAG, value);
    }
    // Always asked again, cheaply: a new binary may carry new files.
    set.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    set.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The page's address holds the profile: never sent on to another site.
    set.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    match headers {
        Some(page) => {
            set.insert(header::CONTENT_SECURITY_POLICY, page.policy.clone());
        }
        None => {
            set.insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
            set.insert(
                "cross-origin-resource-policy",
                HeaderValue::from_static("cross-origin"),
            );
        }
    }
    response
}

/// A short plain-text answer.
fn plain(status: StatusCode, text: &'static str) -> http::Response<Body> {
    let mut response =
        http::Response::new(Body::new(Full::new(Bytes::from_static(text.as_bytes()))));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_the_page_names_is_built_in() {
        let index = Files::get("index.html").expect("index.html is built in");
        let index = String::from_utf8(index.data.into_owned()).unwrap();
        for name in index
            .split(['"', '\''])
            .filter_map(|s| s.strip_prefix(FILES_PREFIX))
        {
            assert!(Files::get(name).is_some(), "index.html names {name}");
        }
        for file in Files::iter() {
            if !file.ends_with(".js") {
                continue;
            }
            let text = String::from_utf8(Files::get(&file).unwrap().data.into_owned()).unwrap();
            for line in text.lines().filter(|l| l.starts_with("import ")) {
                let target = line.split(['"', '\'']).nth(1).unwrap();
                let target = target.trim_start_matches("./");
                assert!(Files::get(target).is_some(), "{file} imports {target}");
            }
        }
    }
}
