"""PROVISIONAL: replaced by the readability issue."""
import pandas as pd
def measure(content, lines, texts):
    return {"readability": pd.DataFrame(columns=["article_id", "text", "metric", "value", "ci_low", "ci_high"])}
