//! 2.11 Product album (商品图册): products members can send to customers.
//!
//! Images are uploaded first with
//! [`MediaApi::upload_attachment`](super::MediaApi::upload_attachment)
//! (`attachment_type` = [`AttachmentType::ProductAlbum`](super::AttachmentType::ProductAlbum)).
//! The list is cursor-paginated and returns whole products
//! ([`ProductAlbumList::product_list`]); the `…_stream` methods of [`ProductAlbumApi`] walk it.

use serde::{Deserialize, Serialize};

use crate::Result;

/// Product album (商品图册) endpoints. Every method takes the corp
/// `access_token` (self-built app configured as 可调用应用, or a third-party /
/// 代开发 token with 「管理商品图册」).
#[crate::api]
pub trait ProductAlbumApi {
    /// 创建商品图册: add a product. `description` at most 300 characters;
    /// `price` in fen (分), at most 5 000 000 (50 000 yuan); `product_sn` at
    /// most 128 bytes of letters and digits; at most 9 image attachments.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>
    #[post("externalcontact/add_product_album", token = corp)]
    async fn add_product_album(&self, #[body] product: &NewProductAlbum) -> Result<CreatedProductAlbum>;

    /// 获取商品图册: one product.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>
    #[post("externalcontact/get_product_album", token = corp)]
    async fn get_product_album(&self, product_id: &str) -> Result<ProductAlbumDetail>;

    /// 获取商品图册列表: one page of products (`product_list`, with
    /// `next_cursor`). `limit` at most 100 (default 50).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>
    #[post("externalcontact/get_product_album_list", token = corp, page = cursor(limit = 100))]
    async fn get_product_album_list(
        &self,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<ProductAlbumList>;

    /// 编辑商品图册: change a product; only the fields set are sent. The same
    /// limits as [`add_product_album`](Self::add_product_album) apply.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>
    #[post("externalcontact/update_product_album", token = corp)]
    async fn update_product_album(&self, #[body] update: &ProductAlbumUpdate) -> Result<()>;

    /// 删除商品图册: delete a product.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>
    #[post("externalcontact/delete_product_album", token = corp)]
    async fn delete_product_album(&self, product_id: &str) -> Result<()>;
}

/// An image of a product (`image`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductImage {
    /// Media id from `media/upload_attachment` (attachment type 2).
    #[serde(default)]
    pub media_id: String,
}

/// An attachment of a product (`attachments[]`); WeCom accepts images only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAttachment {
    /// Attachment type (`type`), `image`.
    #[serde(rename = "type", default)]
    pub attachment_type: String,
    /// The image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ProductImage>,
}

impl ProductAttachment {
    /// An image attachment (media id from `upload_attachment`).
    pub fn image(media_id: impl Into<String>) -> Self {
        Self {
            attachment_type: "image".to_owned(),
            image: Some(ProductImage {
                media_id: media_id.into(),
            }),
        }
    }
}

/// Request of `externalcontact/add_product_album` (创建商品图册).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProductAlbum {
    /// Name and features (商品的名称、特色等), at most 300 characters.
    pub description: String,
    /// Price in fen (商品的价格,单位为分), at most 5 000 000.
    pub price: u64,
    /// Product code (商品编码), letters and digits, at most 128 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_sn: Option<String>,
    /// Images, at most 9.
    #[serde(default)]
    pub attachments: Vec<ProductAttachment>,
}

impl NewProductAlbum {
    /// A product with a description and a price in fen.
    pub fn new(description: impl Into<String>, price: u64) -> Self {
        Self {
            description: description.into(),
            price,
            ..Self::default()
        }
    }

    /// Sets the product code.
    pub fn with_product_sn(mut self, product_sn: impl Into<String>) -> Self {
        self.product_sn = Some(product_sn.into());
        self
    }

    /// Appends an image (media id from `upload_attachment`).
    pub fn with_image(mut self, media_id: impl Into<String>) -> Self {
        self.attachments.push(ProductAttachment::image(media_id));
        self
    }
}

/// Response of `add_product_album`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedProductAlbum {
    /// The new product id (商品id).
    #[serde(default)]
    pub product_id: String,
}

/// A product of the album.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAlbum {
    /// Product id (商品id).
    #[serde(default)]
    pub product_id: String,
    /// Name and features (商品的名称、特色等).
    #[serde(default)]
    pub description: String,
    /// Price in fen (单位为分).
    #[serde(default)]
    pub price: u64,
    /// Product code (商品编码).
    #[serde(default)]
    pub product_sn: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// The images.
    #[serde(default)]
    pub attachments: Vec<ProductAttachment>,
}

/// Response of `get_product_album`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAlbumDetail {
    /// The product.
    #[serde(default)]
    pub product: ProductAlbum,
}

/// Response of `get_product_album_list`: a page of whole products.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAlbumList {
    /// Cursor of the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// The products (商品列表).
    #[serde(default)]
    pub product_list: Vec<ProductAlbum>,
}

/// Request of `externalcontact/update_product_album` (编辑商品图册). Only the
/// fields set are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAlbumUpdate {
    /// The product to change.
    pub product_id: String,
    /// New description (at most 300 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New price in fen (at most 5 000 000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u64>,
    /// New product code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_sn: Option<String>,
    /// New images (replace the current ones), at most 9.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<ProductAttachment>>,
}

impl ProductAlbumUpdate {
    /// Changes product `product_id`; set what changes.
    pub fn new(product_id: impl Into<String>) -> Self {
        Self {
            product_id: product_id.into(),
            ..Self::default()
        }
    }

    /// New description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// New price in fen.
    pub fn with_price(mut self, price: u64) -> Self {
        self.price = Some(price);
        self
    }

    /// New product code.
    pub fn with_product_sn(mut self, product_sn: impl Into<String>) -> Self {
        self.product_sn = Some(product_sn.into());
        self
    }

    /// New images.
    pub fn with_attachments(mut self, attachments: Vec<ProductAttachment>) -> Self {
        self.attachments = Some(attachments);
        self
    }
}

// No `has_more` in these replies: an empty `next_cursor` ends the list.
crate::paging::cursor_page! {
    ProductAlbumList => product_list: ProductAlbum,
}
