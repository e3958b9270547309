package io.gptload.api;

import io.gptload.shared.Languages;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed texts of {@code /api} answers in zh-CN and ja-JP (spec §1 row 56, DECISIONS 13):
 * resources speak English, and {@link LocalizedMessagesFilter} swaps the message for the
 * caller's language. {@code {n}} stands for a number in the text.
 */
final class ApiMessages {

    private record Entry(Pattern en, String zh, String ja) {
        static Entry of(String en, String zh, String ja) {
            String regex = Pattern.quote(en).replace("{n}", "\\E(\\d+)\\Q");
            return new Entry(Pattern.compile(regex), zh, ja);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            Entry.of("Success", "操作成功", "操作が成功しました"),
            Entry.of(SettingsResource.UPDATED, "设置更新成功，配置将在后台于所有实例上重新加载。",
                    "設定を更新しました。構成はすべてのインスタンスでバックグラウンドで再読み込みされます。"),
            Entry.of("Group and related keys deleted successfully", "分组及相关密钥删除成功", "グループと関連キーを削除しました"),
            Entry.of("Group order saved", "分组排序已保存", "グループの並び順を保存しました"),
            Entry.of("Sub group deleted successfully", "子分组删除成功", "サブグループを削除しました"),
            Entry.of("Sub group weight updated successfully", "子分组权重更新成功", "サブグループの重みを更新しました"),
            Entry.of("Sub groups added successfully", "子分组添加成功", "サブグループを追加しました"),
            Entry.of("{n} keys cleared", "已清除 {n} 个密钥", "{n} 件のキーを削除しました"),
            Entry.of("{n} invalid keys cleared", "已清除 {n} 个无效密钥", "{n} 件の無効なキーを削除しました"),
            Entry.of("{n} keys restored", "已恢复 {n} 个密钥", "{n} 件のキーを復元しました"),
            Entry.of("Authentication failed", "认证失败", "認証に失敗しました"),
            Entry.of("Resource not found", "资源未找到", "リソースが見つかりません"),
            Entry.of("Invalid group ID format", "无效的分组ID格式", "無効なグループID形式です"),
            Entry.of("Keys text cannot be empty", "密钥文本不能为空", "キーのテキストを空にすることはできません"),
            Entry.of("no valid keys found in the input text", "输入文本中未找到有效密钥", "入力テキストに有効なキーが見つかりません"),
            Entry.of("batch size exceeds the limit of 5000 keys, got {n}", "批量大小超过 5000 个密钥的限制，实际为 {n}",
                    "バッチサイズが上限の 5000 キーを超えています（{n} 件）"),
            Entry.of("Proxy key is required", "代理密钥为必填项", "プロキシキーは必須です"),
            Entry.of("Invalid or unauthorized proxy key", "无效或未授权的代理密钥", "無効または権限のないプロキシキーです"),
            Entry.of("File is required", "文件为必填项", "ファイルは必須です"),
            Entry.of("Only .txt files are supported", "仅支持 .txt 文件", ".txt ファイルのみサポートされています"),
            Entry.of("Internal server error", "服务器内部错误", "内部サーバーエラー"));

    private ApiMessages() {
    }

    /** The message in the language of {@code acceptLanguage}; unknown texts stay as they are. */
    static String localize(String english, String acceptLanguage) {
        String lang = Languages.resolve(acceptLanguage);
        if (english == null || Languages.EN_US.equals(lang)) {
            return english;
        }
        for (Entry e : ENTRIES) {
            Matcher m = e.en().matcher(english);
            if (m.matches()) {
                String t = Languages.ZH_CN.equals(lang) ? e.zh() : e.ja();
                return m.groupCount() > 0 ? t.replace("{n}", m.group(1)) : t;
            }
        }
        return english;
    }
}
