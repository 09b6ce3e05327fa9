"""Colours, shapes and line styles of the page: trusted tables the page script reads for its legend and drawing."""
from __future__ import annotations

# Node look by node type (actors by actor type; other nodes by their kind in the full graph).
NODE_STYLE: dict[str, dict] = {
    "Person": {"label": "Person 人物", "shape": "dot", "color": "#3b7dd8"},
    "Organization": {"label": "Organisation 组织", "shape": "square", "color": "#e8893a"},
    "Country": {"label": "Country 国家", "shape": "hexagon", "color": "#2e9d57"},
    "Interaction": {"label": "Interaction 互动", "shape": "diamond", "color": "#8e5bd6"},
    "Statement": {"label": "Statement 表态", "shape": "triangle", "color": "#d45087"},
    "Topic": {"label": "Topic 议题", "shape": "star", "color": "#c9a227"},
    "Article": {"label": "Article 文章", "shape": "triangleDown", "color": "#8d99a6"},
}

# Edge look by edge kind: the actor network's kinds first, then the full graph's links.
EDGE_STYLE: dict[str, dict] = {
    "call": {"label": "Phone call 通话", "color": "#2f6fdb", "width": 2.5},
    "video conference": {"label": "Video conference 视频会议", "color": "#13a3b8", "width": 2.5},
    "summit": {"label": "Summit 峰会", "color": "#e0661b", "width": 4},
    "meeting": {"label": "Meeting 会见", "color": "#2e9d57", "width": 3},
    "talks": {"label": "Talks 会谈", "color": "#8e5bd6", "width": 3},
    "statement": {"label": "Statement 表态 →", "color": "#6c7a89", "width": 1.5, "arrow": True},
    "warning": {"label": "Warning 警告 →", "color": "#d62828", "width": 2, "arrow": True},
    "participant": {"label": "participant", "color": "#a0a9b4", "width": 1.5},
    "speaker": {"label": "said →", "color": "#d45087", "width": 1.5, "arrow": True},
    "addressee": {"label": "to →", "color": "#d45087", "width": 1.5, "arrow": True},
    "topic": {"label": "about →", "color": "#c9a227", "width": 1, "arrow": True},
    "reportedIn": {"label": "reported in →", "color": "#c0c6cc", "width": 1, "arrow": True},
    "mentionedIn": {"label": "mentioned in →", "color": "#dde1e5", "width": 0.8, "arrow": True},
}

# Status of an interaction: held is a solid line; the rest are dashed, cancelled also faded.
STATUS_STYLE: dict[str, dict] = {
    "held": {"label": "held 已举行", "dashes": False, "opacity": 1.0},
    "planned": {"label": "planned 计划", "dashes": [8, 6], "opacity": 0.9},
    "proposed": {"label": "proposed 提议", "dashes": [3, 5], "opacity": 0.8},
    "cancelled": {"label": "cancelled 取消", "dashes": [2, 8], "opacity": 0.4},
}

INTERACTION_LABEL = {
    "PhoneCall": "Phone call 通话",
    "VideoConference": "Video conference 视频会议",
    "Summit": "Summit 峰会",
    "Meeting": "Meeting 会见",
    "Talks": "Talks 会谈",
}
