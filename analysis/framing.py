"""PROVISIONAL: replaced by the framing issue."""
import pandas as pd
def load_codebook(path=None):
    return pd.DataFrame()
def frame(content, content_paragraphs, quotes, codebook):
    return {"frames": pd.DataFrame(columns=["article_id", "frame", "weight", "n_hits", "n_sentences", "evidence"]),
            "frame_hits": pd.DataFrame(columns=["article_id", "sentence", "start", "end", "frame", "term", "voice"]),
            "frame_positions": pd.DataFrame(columns=["article_id", "frame", "part", "n_hits"])}
def distinctive_words(content, articles):
    return pd.DataFrame(columns=["outlet", "rank", "word", "log_odds_z"])
