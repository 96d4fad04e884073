"""PROVISIONAL: replaced by the quotes issue."""
import pandas as pd
QUOTE_COLUMNS = ["article_id", "quote_id", "line", "start", "end", "text", "kind", "cue", "speaker", "speaker_start", "speaker_end", "speaker_type", "n_words"]
def extract(content_paragraphs, content, texts):
    return {"quotes": pd.DataFrame(columns=QUOTE_COLUMNS),
            "speech": pd.DataFrame(columns=["article_id", "sentence", "start", "end", "speaker", "speaker_type", "mode"]),
            "quote_stats": pd.DataFrame({"article_id": sorted(texts), "quote_share": 0.0}),
            "voices": pd.DataFrame(columns=["article_id", "speaker_type", "speaker", "n_words", "n_quotes"])}
