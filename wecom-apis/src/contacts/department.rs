//! 部门管理 (departments): create, update, delete, list and read departments.
//!
//! Section index: <https://developer.work.weixin.qq.com/document/path/90205>

use serde::{Deserialize, Serialize};

use crate::Result;

/// Endpoints of 部门管理, on the corp `access_token`. Writes need the
/// 通讯录同步 secret or an app with 通讯录 edit permission (and the parent
/// in its visible range); reads see the app's visible range.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90205>
#[crate::api]
pub trait DepartmentApi {
    /// 创建部门: a department under `parentid`. Name 1–64 UTF-8 characters
    /// without `\:*?"<>|`, unique among its siblings (60008); at most 15
    /// levels and 30 000 departments. Without `id` WeCom picks one (ids are
    /// 32-bit, greater than 1). Unknown parent: 60004.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90205>
    #[post("department/create", token = corp)]
    async fn create_department(&self, #[body] department: &NewDepartment) -> Result<CreatedDepartment>;

    /// 更新部门: rename, move or reorder a department (the fields set).
    /// Unknown department: 60003; moving it under itself or a descendant
    /// is refused.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90206>
    #[post("department/update", token = corp)]
    async fn update_department(&self, #[body] update: &DepartmentUpdate) -> Result<()>;

    /// 删除部门: remove a department (a GET). Only an empty one: with
    /// sub-departments 60006, with members 60005; the root cannot be
    /// removed.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90207>
    #[get("department/delete", token = corp)]
    async fn delete_department(&self, id: u32) -> Result<()>;

    /// 获取部门列表: department `id` and every department below it (all
    /// the app can see when `id` is `None`). WeCom recommends
    /// [`list_department_ids`](Self::list_department_ids) plus
    /// [`get_department`](Self::get_department) since 2022.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90208>
    #[get("department/list", token = corp)]
    async fn list_departments(&self, id: Option<u32>) -> Result<DepartmentList>;

    /// 获取子部门ID列表: the ids, parents and orders of department `id` and
    /// every department below it (the whole visible tree when `None`).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95350>
    #[get("department/simplelist", token = corp)]
    async fn list_department_ids(&self, id: Option<u32>) -> Result<DepartmentIdList>;

    /// 获取单个部门详情: one department. Unknown id: 60003.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95351>
    #[get("department/get", token = corp)]
    async fn get_department(&self, id: u32) -> Result<DepartmentDetail>;
}

/// Request of `department/create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDepartment {
    /// Name, 1–64 UTF-8 characters.
    pub name: String,
    /// English name (same rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Parent department.
    pub parentid: u32,
    /// Order among siblings, larger first, `[0, 2^32)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The id to give it (> 1); WeCom picks one when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u32>,
}

impl NewDepartment {
    /// A department `name` under `parentid`.
    pub fn new(name: impl Into<String>, parentid: u32) -> Self {
        NewDepartment {
            name: name.into(),
            parentid,
            ..NewDepartment::default()
        }
    }

    /// Sets the id.
    pub fn with_id(mut self, id: u32) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets the order.
    pub fn with_order(mut self, order: u32) -> Self {
        self.order = Some(order);
        self
    }

    /// Sets the English name.
    pub fn with_name_en(mut self, name_en: impl Into<String>) -> Self {
        self.name_en = Some(name_en.into());
        self
    }
}

/// Reply of `department/create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedDepartment {
    /// The new department's id.
    pub id: u32,
}

/// Request of `department/update`: the department and what changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentUpdate {
    /// The department.
    pub id: u32,
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// New parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parentid: Option<u32>,
    /// New order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

impl DepartmentUpdate {
    /// An update of department `id` that changes nothing yet.
    pub fn new(id: u32) -> Self {
        DepartmentUpdate {
            id,
            ..DepartmentUpdate::default()
        }
    }

    /// Renames it.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Moves it.
    pub fn with_parentid(mut self, parentid: u32) -> Self {
        self.parentid = Some(parentid);
        self
    }

    /// Reorders it.
    pub fn with_order(mut self, order: u32) -> Self {
        self.order = Some(order);
        self
    }
}

/// A department (部门).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// Its id.
    pub id: u32,
    /// Name (not returned to third-party apps).
    #[serde(default)]
    pub name: String,
    /// English name.
    #[serde(default)]
    pub name_en: String,
    /// Its leaders' userids.
    #[serde(default)]
    pub department_leader: Vec<String>,
    /// Parent (0 for the root).
    #[serde(default)]
    pub parentid: u32,
    /// Order among siblings, larger first.
    #[serde(default)]
    pub order: u32,
}

/// Reply of `department/list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentList {
    /// The departments.
    #[serde(default)]
    pub department: Vec<Department>,
}

/// Reply of `department/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentDetail {
    /// The department.
    pub department: Department,
}

/// One entry of `department/simplelist`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentId {
    /// Its id.
    pub id: u32,
    /// Its parent.
    #[serde(default)]
    pub parentid: u32,
    /// Its order.
    #[serde(default)]
    pub order: u32,
}

/// Reply of `department/simplelist`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentIdList {
    /// The departments.
    #[serde(default)]
    pub department_id: Vec<DepartmentId>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Request and reply samples of 创建部门 (path 90205).
    #[test]
    fn create_sample() {
        let dep = NewDepartment::new("广州研发中心", 1)
            .with_name_en("RDGZ")
            .with_order(1)
            .with_id(2);
        assert_eq!(
            serde_json::to_value(&dep).unwrap(),
            json!({"name": "广州研发中心", "name_en": "RDGZ", "parentid": 1, "order": 1, "id": 2})
        );
        let created: CreatedDepartment =
            serde_json::from_value(json!({"errcode": 0, "errmsg": "created", "id": 2})).unwrap();
        assert_eq!(created.id, 2);
    }

    /// Reply samples of 获取部门列表 (90208), 获取子部门ID列表 (95350) and
    /// 获取单个部门详情 (95351).
    #[test]
    fn list_and_get_samples() {
        let list: DepartmentList = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "department": [
                {"id": 2, "name": "广州研发中心", "name_en": "RDGZ", "department_leader": ["zhangsan", "lisi"], "parentid": 1, "order": 10},
                {"id": 3, "name": "邮箱产品部", "name_en": "mail", "department_leader": ["lisi", "wangwu"], "parentid": 2, "order": 40}
            ]
        }))
        .unwrap();
        assert_eq!(list.department[1].parentid, 2);
        assert_eq!(list.department[0].department_leader, ["zhangsan", "lisi"]);
        let ids: DepartmentIdList = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "department_id": [{"id": 2, "parentid": 1, "order": 10}, {"id": 3, "parentid": 2, "order": 40}]
        }))
        .unwrap();
        assert_eq!(
            ids.department_id[1],
            DepartmentId {
                id: 3,
                parentid: 2,
                order: 40
            }
        );
        let one: DepartmentDetail = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "department": {"id": 2, "name": "广州研发中心", "name_en": "RDGZ", "department_leader": ["zhangsan", "lisi"], "parentid": 1, "order": 10}
        }))
        .unwrap();
        assert_eq!(one.department.name_en, "RDGZ");
        assert_eq!(one.department.order, 10);
    }

    #[test]
    fn update_sends_only_what_changes() {
        assert_eq!(
            serde_json::to_value(DepartmentUpdate::new(2).with_name("广州研发中心").with_order(1)).unwrap(),
            json!({"id": 2, "name": "广州研发中心", "order": 1})
        );
    }
}
