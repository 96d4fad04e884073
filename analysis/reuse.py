"""PROVISIONAL: replaced by the reuse issue."""
import pandas as pd
def find_reuse(content, quotes, articles, texts):
    return {"reuse": pd.DataFrame(columns=["article_a", "line_a", "article_b", "line_b", "start_a", "end_a", "start_b", "end_b", "relation", "similarity", "shared"]),
            "originality": pd.DataFrame({"article_id": sorted(texts), "originality_share": 1.0}),
            "quote_fidelity": pd.DataFrame(columns=["speaker", "article_a", "article_b", "quote_a", "quote_b", "fidelity"])}
