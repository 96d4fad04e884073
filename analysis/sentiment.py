"""PROVISIONAL: replaced by the sentiment issue."""
import pandas as pd
def score(content, quotes, lines, texts):
    return {"sentiment": pd.DataFrame(columns=["article_id", "scope", "n_sentences", "compound_mean", "ci_low", "ci_high", "pos", "neu", "neg"]),
            "sentiment_sentences": pd.DataFrame(columns=["article_id", "sentence", "start", "end", "scope", "compound"])}
def entity_tone(sentiment_sentences, quotes, content, texts):
    return pd.DataFrame(columns=["entity", "article_id", "n_sentences", "compound_mean"])
