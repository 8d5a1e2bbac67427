//! The media family's callback event: `upload_media_job_finish`, pushed to
//! the app's callback URL when a `media/upload_by_url` job is over (then
//! read its result with `get_upload_by_url_result`).
//!
//! Source: developer.work.weixin.qq.com 96219 (回调异步任务结果).

use wecom_core::callback::event::{EventError, Node};

/// An `upload_media_job_finish` event: which job finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadMediaJobFinish {
    /// `JobId`: the `jobid` `media/upload_by_url` returned.
    pub job_id: String,
}

pub(crate) fn upload_media_job_finish(root: &Node<'_>) -> Result<UploadMediaJobFinish, EventError> {
    Ok(UploadMediaJobFinish {
        job_id: root.req_str(&["JobId"])?,
    })
}

#[cfg(test)]
mod tests {
    use crate::callback::event::{Event, Source, parse_event};

    #[test]
    fn upload_media_job_finish_96219() {
        let xml = "<xml>\n\t<ToUserName><![CDATA[wx28dbb14e3720FAKE]]></ToUserName>\n\
                   \t<FromUserName><![CDATA[sys]]></FromUserName>\n\t<CreateTime>1425284517</CreateTime>\n\
                   \t<MsgType><![CDATA[event]]></MsgType>\n\t<Event><![CDATA[upload_media_job_finish]]></Event>\n\
                   \t<JobId><![CDATA[jobid_S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4]]></JobId>\n</xml>";
        let event = parse_event(xml).unwrap();
        assert_eq!(event.kind(), "upload_media_job_finish");
        assert_eq!(event.corp_id(), Some("wx28dbb14e3720FAKE"));
        match event {
            Event::UploadMediaJobFinish { source, job } => {
                assert!(matches!(
                    source,
                    Source::App {
                        create_time: 1425284517,
                        ..
                    }
                ));
                assert_eq!(job.job_id, "jobid_S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4");
            }
            other => panic!("{other:?}"),
        }
        let missing = "<xml><ToUserName>c</ToUserName><FromUserName>sys</FromUserName><CreateTime>1</CreateTime>\
                       <MsgType>event</MsgType><Event>upload_media_job_finish</Event></xml>";
        assert!(
            !matches!(parse_event(missing), Ok(Event::UploadMediaJobFinish { .. })),
            "JobId is required"
        );
    }
}
