"""Export: a conversation and its citations as a Markdown document a reader can keep or share.

Messages are the chat's own records: ``{"role": "user", "content": ...}`` and
``{"role": "assistant", "answer": Answer.to_json()}``. Quoted article text is put in block
quotes and the answer text is written as it was shown, citation markers included.
"""

from __future__ import annotations

from datetime import datetime


def _quote(text: str) -> str:
    return "\n".join("> " + line for line in text.strip().splitlines())


def _where(c: dict) -> str:
    parts = [c.get("outlet"), c.get("date"), c["source"], f"p. {c['page']}" if c.get("page") else None]
    return ", ".join(p for p in parts if p)


def _stale(citation: dict) -> list[str]:
    """A reopened conversation's citation whose article is no longer the one quoted says so."""
    status = citation.get("status")  # set by rag.history when a saved conversation is reopened
    if status in ("changed", "deleted"):
        return [
            f"_(the article has {'changed' if status == 'changed' else 'been deleted'} since this answer)_",
            "",
        ]
    return []


def conversation_markdown(messages: list[dict], title: str = "News archive Q&A") -> str:
    lines = [f"# {title}", "", f"Exported {datetime.now().strftime('%Y-%m-%d %H:%M')}.", ""]
    for message in messages:
        if message["role"] == "user":
            lines += [f"## Q: {message['content'].strip()}", ""]
            continue
        answer = message.get("answer") or {
            "answer": message.get("content", ""),
            "refused": True,
            "citations": [],
        }
        lines += [answer["answer"].strip(), ""]
        if message.get("stopped"):
            lines += ["_(stopped before the answer was finished)_", ""]
        for c in answer.get("citations", []):
            lines += [f"**[{c['n']}] {c['title']}** ({_where(c)}, characters {c['start']}-{c['end']})", ""]
            lines += [*_stale(c), _quote(c["text"]), ""]
            for other in c.get("also_in", []):
                lines += [f"Also in {_where(other)}:", "", *_stale(other), _quote(other["text"]), ""]
    return "\n".join(lines).rstrip() + "\n"
