//! 2.8 Group welcome templates (入群欢迎语素材).
