/**
 * The admin console: Faces backing beans mirroring the page URLs ({@code login.xhtml} →
 * {@link io.gptload.admin.LoginBacking}, {@code dashboard.xhtml} → {@link io.gptload.admin.DashboardBacking},
 * {@code logs.xhtml} → {@link io.gptload.admin.LogsBacking} with its lazy model and the CSV export servlet,
 * {@code settings.xhtml} → {@link io.gptload.admin.SettingsBacking}),
 * the operator's session (login state, language, theme), the filter that keeps anonymous callers
 * on the login page, and small view models that format the features' read models for a page.
 * Backing beans hold no business logic: they call the feature services. May use any feature;
 * nothing uses {@code admin}.
 */
package io.gptload.admin;
