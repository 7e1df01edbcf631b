package cn.chifeng.title.application;

import java.util.Map;

/** Adds a part of its own to what {@code GET /api/applications/{id}} shows (e.g. the eligibility verdict). */
public interface ApplicationViewPart {
    void contribute(ApplicationRecord application, Map<String, Object> view);
}
