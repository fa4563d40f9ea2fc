"""Default wording of the reply letters (告知书), one per outcome group (the merged cells of Table 3).

Placeholders are written `{名称}` (see `letters.PLACEHOLDERS`); `{{` and `}}` stand for literal braces. Each
line is one paragraph; a line that is empty after filling in (an optional `{理由}` left blank) is dropped.
The signature (organ name and reply date) is added by the renderer, and `{救济途径}` is computed from the
outcome and the reply date (复议前置 for 不予公开 decisions since 2024-01-01), so an edited template cannot
get the remedy wrong — but it must keep the placeholder.
"""

DEFAULT_TITLE = "政府信息公开申请答复书"

_OPENING = "本机关于{收到日期}收到你（单位）提出的政府信息公开申请（查询码：{跟踪码}），申请获取：{信息描述}"

DEFAULTS: dict[str, str] = {
    "granted": "\n".join(
        [
            "{申请人}：",
            _OPENING,
            "经审查，根据{法律依据}的规定，你（单位）申请获取的政府信息属于公开范围，本机关予以公开。",
            "{理由}",
            "获取方式：{获取方式}",
            "{救济途径}",
            "特此告知。",
        ]
    ),
    "partial": "\n".join(
        [
            "{申请人}：",
            _OPENING,
            "经审查，你（单位）申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。"
            "根据{法律依据}的规定，本机关对可以公开的部分予以公开，对不予公开的部分说明理由如下：",
            "{理由}",
            "获取方式：{获取方式}",
            "{救济途径}",
            "特此告知。",
        ]
    ),
    "withheld": "\n".join(
        [
            "{申请人}：",
            _OPENING,
            "经审查，你（单位）申请获取的政府信息属于不予公开的情形（{情形}）。根据{法律依据}的规定，本机关决定不予公开。理由如下：",
            "{理由}",
            "{救济途径}",
            "特此告知。",
        ]
    ),
    "unable": "\n".join(
        [
            "{申请人}：",
            _OPENING,
            "经查，{情形}。根据{法律依据}的规定，本机关无法提供你（单位）申请获取的政府信息。",
            "{理由}",
            "{救济途径}",
            "特此告知。",
        ]
    ),
    "not_processed": "\n".join(
        [
            "{申请人}：",
            _OPENING,
            "经审查，你（单位）的申请属于“{情形}”的情形。根据{法律依据}的规定，本机关不作为政府信息公开申请处理。",
            "{理由}",
            "{救济途径}",
            "特此告知。",
        ]
    ),
    "other": "\n".join(
        [
            "{申请人}：",
            _OPENING,
            "经查，你（单位）的申请属于以下情形：{情形}。根据{法律依据}的规定，本机关终止处理该申请。",
            "{理由}",
            "{救济途径}",
            "特此告知。",
        ]
    ),
}
