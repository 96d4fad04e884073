"""Named, commented regexes and word lists for recognising cruft lines in scraped articles.

`BOILERPLATE_PATTERNS` is the pattern table of the boilerplate stage: each row names a cruft
family, the label and role a matching line gets, how far its effect reaches (`scope`), the
longest line (in words) it may decide, and an example it matches. Rows are matched against the
whole stripped line in the normalized view (`analysis.text.normalize`: straight quotes, ASCII
dashes, plain spaces); the first matching row wins.
"""
from __future__ import annotations

import re
from typing import NamedTuple


class LinePattern(NamedTuple):
    name: str
    label: str      # content | metadata | boilerplate
    role: str
    scope: str      # line: this line only; list: also the short, non-sentence lines that follow
                    # (a list of related headlines); tail: every later line without a pattern of its
                    # own (a comment section, a rating widget); bullets: the list items that follow
                    # are content/summary (a fact box)
    max_words: int  # the row only decides lines of at most this many words (0: any length)
    regex: str      # must match the whole stripped line
    example: str
    tail_chars: int = 0  # match only the last N characters (a credit closes its caption); 0: whole line
    needs: str = ""      # "a|b": the row is tried only when one of these appears in the lower-cased line
                         # (rows that scan the whole line stay cheap on the lines they cannot match)


# Social networks and share verbs: a share bar is a line made only of these.
_SHARE_WORDS = (r"share(?:\s+(?:this|on|via|the|full|article|story|post|page|link|it|item))"
                r"{0,3}(?:\s+with\s+(?:your|a)\s+(?:network|friends?|followers))?|shares|tweet|facebook|"
                r"twitter|x|linkedin|whatsapp|e-?mail|print|copy(?:\s+(?:the\s+)?link)?|copied|pinterest|reddit|"
                r"telegram|messenger|flipboard|pocket|tumblr|bluesky|threads|mastodon|sms|"
                r"gift(?:\s+this|\s+premium)?\s+articles?(?:\s+to\s+anyone)?|short\s+url|save|bookmark|social(?:\s+shar(?:e|ing))?|link(?:\s+copied)?")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# A time zone after a time: ET, PT, EDT, BST, CEST, AEST, UTC, GMT+1, (ET).
_TIME_ZONE = r"\(?(?:[a-z]{1,4}t|utc|z)\b(?:[+-]\d{1,2}(?::?\d{2})?)?\)?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"
# A calendar date in the usual news forms: 2025-07-07, 07/07/2025, July 7, 2025, 7 July 2025.
_DATE = (rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T[\d:.]+Z?)?|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|"
         rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|"
         rf"(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+\d{{4}})?)")
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4}t)?|\d{1,2}\s*[ap]\.?m\.?(?:\s*[a-z]{2,4}t)?)"
# Who takes pictures for the news: agencies and stock libraries named in a credit.
_PHOTO_SOURCES = (r"(?:AP|AFP|Reuters|Getty Images|Getty|Bloomberg|EPA|EPA-EFE|Shutterstock|Alamy|Unsplash|"
                  r"Pexels|Xinhua|Anadolu|NurPhoto|SOPA Images|Sipa|The Canadian Press|Canadian Press|CP|"
                  r"PA Images|PA Wire|PA|iStock|Wikimedia Commons|Flickr|Handout|Supplied|USA TODAY|USA Today Network)")
# A photo credit closing a caption: "(AP Photo/Mark Schiefelbein)", "(Mark Schiefelbein/AP)",
# "(Matt McClain/The Washington Post)", "(Xinhua/Zhang Bowen)",
# "Photo: Jane Doe", "Image by Jane Doe", "Photography by: NA / Juan Vargas", "Jane Doe/Getty Images".
_CREDIT_MARK = (rf"(?:\((?:[^()]*?\b(?i:photo|photograph|image|picture|file|credit)s?\b[^()]*|[^()]*?/\s*{_PHOTO_SOURCES}"
                rf"[^()]*|{_PHOTO_SOURCES}\s*/\s*[A-Z][^()/]{{1,40}}|(?i:submitted|supplied|courtesy|handout)\b[^()]*|"
                rf"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}}\s*/\s*(?:The\s+)?[A-Z][\w&.'’-]+(?:\s+[A-Z][\w&.'’-]+){{0,4}})\)|\b(?i:photo|photograph|photography|foto|image|picture|credit)s?(?i: credit)?\s*(?::|/|(?i:by:?|courtesy(?: of)?)\s+(?=[A-Z]))"
                rf"\s*(?:[^.]|\.(?=\s*[A-Z]|[a-z]{{2,4}}\b))"   # "... / Agencja Wyborcza.pl"
                rf"{{1,80}}|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}\s*/\s*{_PHOTO_SOURCES}\b[^.]{{0,20}}|"
                # the agency first: "REUTERS/Kuo Ming-han/File Photo", "AFP/Jane Doe"
                rf"\b(?:REUTERS|{_PHOTO_SOURCES})/[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){{0,3}}(?:/(?:File|Pool|Handout)(?: Photo)?)?)\.?")
# A photographer shooting for an outlet named in capitals or CamelCase: "Maddie McGarvey for NPR", "Jamal Whitten
# for ProPublica". A headline can read so too ("Senators Vote for NATO"): a credit only under a caption's sentence.
PHOTOGRAPHER_FOR_RE = re.compile(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2} for (?:[A-Z]{2,}|[A-Z][a-z]+[A-Z]\w*)\b[\w.]*")
# One breadcrumb item: up to four words.
_CRUMB = r"[\w.,'&-]+(?:\s[\w.,'&-]+){0,3}"
# What may follow a byline's name: agency, job title, date ("By Jane Doe, Reuters | July 7, 2025").
_BYLINE_TAIL_WORD = (r"(?:[A-Z0-9][\w.'’:-]*|@\w{2,30}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|the|of|and|at|in|for|on|a\.m\.|"
                     r"p\.m\.|[,|·•/&-])")   # (an e-mail address: "By Ann Lee | alee@example.com | The Post")
# A word that names a news outlet: "The Daily Herald", "The Jakarta Post", "Kyodo News"
_OUTLET_WORD = (r"(?:Times|Post|Herald|News|Press|Journal|Tribune|Daily|Telegraph|Gazette|Star|Mail|Express|Chronicle|"
                r"Reuters|AP|AFP|Bloomberg|Independent|Guardian|Observer|Standard|Inquirer|Courier|Sun|Globe|Record|"
                r"Dispatch|Examiner|Register|Media|Radio|Agency|Wire|Magazine)")

BOILERPLATE_PATTERNS: list[LinePattern] = [
    # ---- widgets that end the article: every later line without its own pattern belongs to them
    LinePattern("rate_this", "boilerplate", "rating_widget", "tail", 14,
                r"(?i:(?:did you (?:like|enjoy) (?:this|the|our) (?:article|story|post)\??\s*(?:rate it!?)?|"
                r"rate (?:this|the) (?:article|story|post)|how (?:would you rate|useful was) (?:this|the) "
                r"(?:article|story|post)\??|was this (?:article|story|post|page) (?:helpful|useful)\??|"
                r"did you find this (?:article|story|post|page) (?:helpful|useful|interesting)\??|"
                r"(?:give|leave) us (?:a )?(?:rating|review)|how does this (?:article |story )?make you feel\??).*)",
                "Did you like this article? Rate it!"),
    LinePattern("trustpilot", "boilerplate", "rating_widget", "tail", 40,
                r"(?i:.*\btrustpilot\b.*)", "Rate us on Trustpilot", needs="trustpilot"),
    LinePattern("vote_count", "boilerplate", "rating_widget", "tail", 8,
                r"(?i:\d+\s+(?:voted by\s+\d+\s+users?|votes?|ratings?)|(?:average )?rating:?\s*\d(?:\.\d)?\s*(?:/|out of)\s*5"
                r"|thanks? (?:you )?for your (?:feedback|rating|vote)!?)",
                "0 Voted by 0 users"),
    LinePattern("comment_form", "boilerplate", "comments", "tail", 20,
                r"(?i:leave a (?:reply|comment|response)|post (?:a )?comment|add (?:a|your) comment|join the "
                r"(?:conversation|discussion)|\d+\s+(?:comments?|responses?|replies|thoughts)(?:\s+(?:on|to)\s+\S.*)?|"
                r"comments?\s*\(\d+\)|\d+\s*comments?\s*\d+\s*new|"
                r"(?:show|view|load|see|read) (?:all )?(?:\d+ )?comments|discussion\s*\(\d+\)|"
                r"cancel reply|comments are (?:closed|disabled|turned off)(?: (?:on|for) this (?:article|story|post))?\.?|"
                r"(?:want to |why not )?join the (?:conversation|discussion|debate)\b.*|comments? policy|"
                r"discussion (?:is )?closed\b.*|no (?:more |new |further )?comments (?:can|may) be (?:posted|added|made)\b.*|"
                r"you must be logged in to post a comment\.?|"
                r".*\b(?:has|have) (?:removed|disabled|closed|turned off) (?:its|the|our) comments?(?: section)?\b.*)\W*",
                "Leave a Reply"),
    # a comment section's welcome and house rules: long, so a row of its own (the rules below it are the section's)
    LinePattern("comment_welcome", "boilerplate", "comments", "tail", 60,
                r"(?i:welcome to (?:the |our )?[\w’'&. -]{0,40}comment(?:s|ing)? (?:community|section)\b.*|"
                r"comments?\s*:\s*our rules\W*|we want our comments to be\b.*|comments (?:will be|are) moderated\b.*)",
                "Welcome to The Globe and Mail’s comment community.", needs="welcome|our rules|our comments|moderated"),
    LinePattern("comment_form_fields", "boilerplate", "comments", "line", 40,
                r"(?i:.*(?:your email address will not be published|required fields are marked|"
                r"save my name, email,? and website|notify me of (?:follow-up comments|new posts)|"
                r"this site uses akismet|comment moderation policy|community guidelines|comments will be moderated|"
                r"keep comments relevant|guidelines (?:on|for) comment(?:ing|s)|(?:can|may) (?:leave|post) comments on our (?:news )?(?:stories|articles|site)\b).*)",
                "Your email address will not be published. Required fields are marked *",
                needs="email|required fields|save my name|notify me|akismet|moderation|guidelines|moderated|keep comments|"
                      "comments on our"),
    LinePattern("comments_word", "boilerplate", "comments", "line", 2,
                r"(?i:comments?|reply|replies|responses?|like|report)\W*", "Reply"),
    # ---- a summary box: the label is cruft, the bullet lines after it are content/summary
    LinePattern("summary_label", "boilerplate", "summary_label", "bullets", 12,
                r"(?i:(?:in a (?:rush|hurry)\??.*|(?:the )?(?:quick|key|fast) (?:facts|points|takeaways)\W*|"
                r"key (?:points|takeaways|facts|highlights)(?: from [\w ]+)?|highlights|summary|at a glance|"
                r"tl;?dr|in short|summari[sz]e this (?:article|story)|the (?:short|quick) version|what (?:you need to|to) know|in brief|the big picture|"
                r"(?:story|article) (?:highlights|summary)|(?:ai[- ](?:generated|assisted|powered) )?summary)\s*[:.]?)",
                "In a rush? Here are the quick facts:"),
    # ---- related links: a header, then a list of headlines; or one inline link
    LinePattern("related_header", "boilerplate", "related", "list", 8,
                r"(?i:(?:related|similar|recommended|suggested|popular|trending|latest|more|top|recent)"
                r"(?:\s+(?:news|articles?|stories|posts?|reads?|reading|content|coverage|links?|videos?|topics?|"
                r"headlines|on [\w ]+|from [\w .'&-]+|in [\w ]+|now|today|this week))*|"
                r"(?:you|we think you) (?:may|might|could|will) (?:also )?(?:like|enjoy|be interested in)|"
                r"(?:don'?t|do not) miss|most (?:read|popular|viewed|shared|commented)|editor'?s? (?:picks?|choice)|"
                r"explore(?: more)?(?: topics| stories| articles)?|skip next section(?: [\w ]{1,30})?|"
                r"(?:read|see|watch) (?:next|more|also)|what to read next|keep reading|recommended for you|further reading|"
                r"(?:read|see) more (?:on|about) [\w'’ -]{1,30}|"
                r"in (?:other|case you missed|the) news|around the web|from the web|sponsored (?:content|links|stories)"
                r"|more (?:stories|articles|news) (?:like this|from us)|more to (?:read|explore|watch|discover))\s*[:.>»]*\s*",
                "Related Articles"),
    LinePattern("related_link", "boilerplate", "related", "line", 40,
                r"(?i:(?:see also|read (?:also|more|next)|also read|related(?: stories| articles| coverage| content| reading| videos?)?|"
                r"more(?: news| stories| coverage)?|watch|listen|photos|gallery|video|podcast|recommended(?: for you| reading)?|must read|"
                r"(?:click|tap) here|previously|further reading|trending(?: now)?|popular(?: now)?|most (?:read|popular)|"
                r"don'?t miss|icymi|in case you missed it|editor'?s picks?|also on [\w' ]{1,30})\s*(?::|-|>|»|\|)\s*\S.*|"
                r"see also\s+\S.*|also (?:read|see):?\s+[A-Z].*|read more\s*(?=(?-i:[A-Z]))\S.*|read more (?:from|on|about|at|in|with) \S.*|"
                r"read (?:the )?full (?:story|article|report)\s*(?::|at|here|-)\s*\S.*|(?:read|go deeper)\s*:\s*\S.*)",
                "See also Foreign Affairs Minister Mélanie Joly met Chinese counterpart in Beijing"),
    # ---- metadata about the article
    LinePattern("reading_time", "metadata", "reading_time", "line", 10,
                r"(?i:(?:(?:estimated )?reading time|read time|time to read)\s*:?\s*(?:about |less than )?\d+\s*"
                r"(?:min(?:ute)?s?|m)\b.*|(?:about |less than )?\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s*(?:read|reading)\b.*"
                r"|listen to (?:this )?article\W*\d+\s*min(?:ute)?s?.*|\d+\s*min(?:ute)?s?\s+to\s+read\b.*)",
                "Reading time: 2 min"),
    # The note may carry its date ("Correction, Nov. 7, 2025: ..."), or be only the sentence that
    # tells what changed ("An earlier version of this article misstated ...").
    LinePattern("correction_note", "metadata", "note", "line", 80,
                rf"(?i:(?:editor['’]?s['’]?\s+note|correction|clarification|update|name suppression|"
                rf"corrections?\s+(?:and|&)\s+clarifications?)"
                rf"s?(?:\s*,?\s*\(?(?:{_DATE}(?:,?\s*{_TIME}(?:\s*[a-z]{{2,4}})?)?|{_TIME})\)?)?\s*[:—–-]\s*\S.*|"
                rf"(?:an? )?(?:earlier|previous|prior) version of this (?:article|story|report|post)\b.*|"
                rf"(?:update[sd]?\b.{{0,50}}?:\s*)?this (?:story|article|post) has been updated\b.*|"
                rf"translation of an (?:original )?article (?:first )?published in\b.*|"
                rf"updated (?:at|on) .{{0,60}}?\bto (?:include|add|reflect|correct|clarify|remove|update)\b.*|"
                rf"updated to (?:add|include|reflect|correct|clarify)\b.*|"
                rf"this is (?:an? )?ai[- ]generated summar(?:y|isation|ization)\b.*|"
                rf"this (?:article|story|report|piece) was (?:amended|corrected|updated) on\b.{{0,40}}\bto\b.*)",
                "Editor's note: An earlier version of this article misstated the year of the U.S. ban."),
    # how the story was made, set under it: its quotes translated, a prosecutor's legal caution
    LinePattern("translation_note", "metadata", "note", "line", 60,
                r"(?i:(?:[^.;]{1,80}[.;]\s+)?quot(?:es?|ations?) (?:from [a-z]+ |in this (?:article|story) )?"
                r"(?:have been|has been|were|was|are) translated\b.*|"
                r"this (?:article|story|report|interview) was (?:originally )?(?:written|published|reported|conducted) "
                r"in [a-z]+ and (?:has been |was )?translated\b.*|"
                r"(?:an? |the )?(?:indictment|(?:criminal )?complaint|charging document|charges?|allegations?) "
                r"(?:is|are) (?:merely|only) (?:an? )?(?:allegations?|accusations?)\b.*)",
                "Interviews for this article were conducted in Portuguese; quotes have been translated by The Brazilian Report.",
                needs="translated|merely|only an allegation|only allegations|only an accusation"),
    LinePattern("wire_credit", "metadata", "credit", "line", 60,
                r"(?i:[-–—]*\s*\(?\s*(?:(?:additional |further )?reporting|writing|editing|edited|compiled|translated|"
                r"research|fact-?checking|graphics|production|additional research) by\b.*|"
                r"-*\s*\(?\s*with (?:files|reporting|reports|assistance|additional reporting|(?:agency )?inputs?) from\b.*|(?:the )?(?:associated press|canadian press|reuters|afp|"
                r"bloomberg|cnn|bbc) contributed (?:to )?(?:this|reporting).*|"
                r"this (?:article|story|report) (?:was |has been )?(?:first |originally )?(?:published|appeared|"
                r"corrected|updated|produced|translated)\b.*|originally published (?:in|by|on|at)\b.*|"
                r"sources?\s*:\s*\S.*|(?:copyright|©)\s*(?:\d{4})?.*(?:may not be|redistribut|rewritten|broadcast).*|"
                r"(?:all rights reserved\.?\s*)?this material\b[^.]{0,80}?\bmay not be (?:published|reproduced|broadcast|copied|"
                r"distributed|rewritten)\b.*|"
                r"contributing(?: reporters?| writers?)?:\s*[A-Z].*|"
                r"[-–—]*\s*with (?:the )?(?:aap|ap|afp|reuters|pa|cp|dpa|efe|ansa|bloomberg|canadian press|associated press|"
                r"press association)(?:,? (?:and )?(?:the )?(?:aap|ap|afp|reuters|pa|cp|dpa|efe|ansa|bloomberg))*\.?)|"
                # NYT-style: "Marisa Holloway reported from Washington, and Jonah Feld from San Francisco."
                r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} reported from [A-Z][\w.'’ -]{1,30}"
                r"(?:,? and [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:reported )?from [A-Z][\w.'’ -]{1,30})?\.",
                "(Reporting by Brenda Goh; Editing by Sharon Singleton)"),
    # a wire's sign-off under the story: "==Kyodo"
    LinePattern("wire_signoff", "metadata", "credit", "line", 3,
                r"={2,}\s*(?-i:[A-Z])[\w.&-]*(?:\s+[\w.&-]+){0,2}", "==Kyodo"),
    LinePattern("update_note", "metadata", "note", "line", 20,
                r"\(\s*(?i:updates?|adds|recasts|corrects|refiles|changes)\s+(?i:with|to|throughout|headline|dateline)\b[^()]*\)\.?",
                "(Updates with analyst comment in sixth paragraph.)"),
    LinePattern("contact_address", "metadata", "credit", "line", 1,
                r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "dana.ruiz@propublica.org"),   # a reporter's address, alone
    # a name and an address: a photographer under a caption, a reporter under the story
    LinePattern("name_with_address", "metadata", "credit", "line", 6,
                r"(?-i:[A-ZÀ-Ö][\w'’.-]+(?:\s+[A-ZÀ-Ö][\w'’.-]+){1,3})\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                "Teodoro Alvarado talvarado@miamiherald.com", needs="@"),
    LinePattern("reprint_note", "boilerplate", "other", "line", 30,
                r"(?i:(?:for (?:a )?reprints? (?:of|or licensing of) this (?:article|story)|(?:request|order|purchase|buy) "
                r"(?:a )?reprints?|reprints? (?:and|&) permissions)\b.*)",
                "For a reprint of this article, please contact reprints@law360.com.", needs="reprint"),
    LinePattern("print_note", "metadata", "note", "line", 60,
                r"(?i:a version of this (?:article|story) (?:appears|appeared) in print\b.*|"
                r"this (?:article|story) (?:appears|appeared|will appear|ran) in (?:the )?[\w.,' ]{0,40}\bprint edition\b.*|"
                r"(?:programming|editor'?s|housekeeping) note:.*)",
                "A version of this article appears in print on July 2, 2025, Section B, Page 1 of the New York edition."),
    LinePattern("contact_line", "metadata", "credit", "line", 30,
                r"(?i:.*\b(?:can|may) be reached (?:at|by|on)\b.*|(?:reach|contact|email|follow) (?:her|him|them|me|the author) "
                r"(?:at|on|via)\b.*|(?:reach|contact|email) [\w.'’ -]{2,40}(?: at| via|:) ?\S+@\S+.*|"
                r"for (?:feedback|complaints|inquiries|enquiries|corrections|questions)\b.{0,40}\bcontact us\b.*)",
                "Sarah Lindqvist can be reached at slindqvist@millbrookcourier.com or 920-555-0143.",
                needs="reached|reach|contact|email|follow"),
    LinePattern("contributor_note", "metadata", "credit", "line", 40,
                r"(?i:.*\bcontributed (?:to )?(?:this|reporting|to this)\b.*)",
                "Associated Press writer Tom Odhiambo in Nyeri contributed to this report.", needs="contributed"),
    # the outlet asking for tips, and the helpline note set under a story about abuse or suicide:
    # addressed to the reader ("you"), unlike a police appeal in the story ("Anyone with information ...")
    LinePattern("tip_request", "boilerplate", "other", "line", 60,
                r"(?i:(?:do you have|got) a (?:news )?tip (?:for|about)\b.*|got a story (?:we|you think we) should\b.*|"
                r"(?:do you have|have you got|got) a story (?:for|to share with) [\w' ]{1,40}\?.*|"
                r"(?:(?:do you have|have you got|got|have) (?:a (?:news )?tip|(?:any |more )?information|"
                r"something to share)|do you work (?:at|for|in))\b[^?]{0,120}\?\s*.*\b(?:contact|reach|email|e-mail|"
                r"signal|send|message|get in touch|tip)\b.*)",
                "Do you have more information about SpyTrack? From a non-work device, you can contact Zack "
                "Whittaker securely on Signal at zackwhittaker.1337.",
                needs="a tip|news tip|information about|information on|something to share|do you work|got a story|a story"),
    LinePattern("helpline_note", "boilerplate", "other", "line", 60,
                r"(?i:if you or (?:someone|anyone|a (?:friend|loved one|family member))\b.*\b(?:call|text|contact|"
                r"helpline|hotline|lifeline|support|help)\b.*|if you(?:'re| are) (?:struggling|in crisis|having "
                r"(?:suicidal )?thoughts|experiencing)\b.*\b(?:helpline|hotline|lifeline|samaritans|988|crisis)\b.*)",
                "If you or someone you know needs help, the National Domestic Violence Hotline (1-800-799-7233) "
                "provides 24/7 free, confidential support.", needs="if you"),
    LinePattern("photo_credit", "metadata", "photo_credit", "line", 14,
                rf"(?:(?i:photo|photograph|photography|foto|image|picture|illustration|(?:header|featured|cover|main|lead|top) image|"
                rf"credit|(?:(?:main|lead|top) )?(?:photo|image) credit|images?)s?\s*(?::|/|-|\.{{3}}|…|(?i:by:?|courtesy(?: of)?|via)\s)\s*\S.*|"
                rf"\(?\s*(?:[A-Z][\w.'-]*\s*){{0,4}}/\s*{_PHOTO_SOURCES}\b.*|\(?(?i:file\s+)?(?i:photo)\)?|"
                rf"(?:{_PHOTO_SOURCES})\s*(?i:photo|images?|file photo)\.?|\([^()]*\b(?i:photo|photograph)\b[^()]*\)|"
                rf"(?i:image|photo|picture) source\s*[:,]\s*\S.*|"
                rf"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}}\s*/\s*(?:The\s+)?[A-Z][\w&.'’-]+"
                rf"(?:\s+(?:[A-Z][\w&.'’-]+|and|of|&)){{0,4}}(?:\s*;\s*[A-Z][\w&.'’ -]{{1,40}})?|"
                rf"(?i:data|sources?)\s*:\s*[^;]{{1,80}};\s*(?i:chart|graphic|map|graph)\s*:\s*\S.*|"
                # "Dana Kerr, Getty Images", "(PA Wire)", "Eliot Brandt for The New York Times"
                rf"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}},\s*{_PHOTO_SOURCES}|\(\s*{_PHOTO_SOURCES}\s*\)|"
                # "Nikolai Vasquez via Getty Images"
                rf"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}}\s+via\s+{_PHOTO_SOURCES}\.?|"
                rf"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,2}} for The (?:[A-Z][\w&.'’-]+\s*){{1,4}}|"
                # the source first, in brackets: "(JP/Rahmat Hidayat)", "(AFP/Jane Doe)"
                rf"\(\s*[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,2}}\s*/\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}\s*\))",
                "Photo by Pawel Czerwinski on Unsplash"),
    LinePattern("caption_label", "metadata", "caption", "line", 80,
                r"(?i:(?:photo |image |video )?caption\s*[:,]\s*\S.*|item \d+ of \d+\s+\S.*|"   # Reuters: "Item 1 of 2 ..."
                r"(?:image|picture|pic|photo)\s*:\s*\S.*)",   # Sky News: "Image: <caption>" (short ones are credits)
                "Caption: The remains of the water treatment plant are seen in September."),
    LinePattern("caption_with_credit", "metadata", "caption", "line", 0,
                rf"(?:.*?{_CREDIT_MARK}\s*)",
                "A Chinese flag hangs near a Hikvision camera in Beijing. (AP Photo/Mark Schiefelbein)", 160,
                needs="/|photo|image|picture|credit|file|submitted|supplied|courtesy|handout"),
    # a credit in brackets closing a caption's sentence: "(ABC News: Danielle Kwok)", "(PTI)", "[Shutterstock/Mika Lind]"
    LinePattern("caption_with_bracket_credit", "metadata", "caption", "line", 0,
                r".*[.!?]\s*(?:\((?:[A-Z][\w&.'’-]*\s?){1,4}:\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\)|"
                r"\((?:PTI|ANI|IANS|AP|AFP|Reuters|Xinhua|Getty Images|Supplied)\)|\[[^\[\]/]{1,40}/[^\[\]]{1,40}\]|"
                r"\((?:[A-Z][\w&.'’-]*)(?:\s+(?:of|the|and|for|[A-Z][\w&.'’-]*)){0,5}\))\s*|"
                # "... on March 3, 2025. PHOTO | FILE | NMG", "... Commonwealth Avenue. Jire Almonte/Rappler"
                # "... any deal. | Francis Chung/POLITICO", "... in 2024. © Léa Marchand, AFP" (a name and an outlet
                # alone, "... on Tuesday. Kimberly Dunne, Detroit Free Press", would need keywords most lines hold)
                r".*[.!?]\s*(?:\|\s*)?(?:(?:PHOTO|FILE|IMAGE|PICTURE)(?:\s*\|\s*[A-Z][\w&.'’ -]{0,30})+|"
                r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][\w&.'’-]+(?:\s+[A-Z][\w&.'’-]+){0,2}|"
                r"©\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*[,/]\s*[A-Z][\w&.'’-]+(?:\s+[A-Z][\w&.'’-]+){0,2})?|"
                r"\((?i:photo not for sale)\)\s*\([A-Z][\w&.'’ -]{1,30}\)|"
                r"Screenshot (?:from|of|via) [\w&.'’ -]{1,40})\s*",
                "Applicants uploaded payslips to the app. (ABC News: Danielle Kwok)", 90,
                needs=". (|! (|? (|. [|/|photo|file|image|picture|screenshot|©"),
    # ---- newsletters, share bars, navigation, cookie banners, ads
    LinePattern("newsletter_prompt", "boilerplate", "newsletter", "line", 45,
                r"(?i:.*(?:delivered (?:straight |directly |right )?to your inbox|enter your e-?mail|"
                r"by (?:signing up|subscribing|registering),? (?:you|i)\b|unsubscribe at any time|"
                r"^i would like to (?:be e-?mailed|receive (?:e-?mails|updates|offers|news))\b|sign(?:ing)? up for (?:our|the) [\w' -]*newsletter|"
                r"^enter (?:your )?e-?mail(?: address)?\W*$|"
                r"subscribe for free to (?:receive|get|support)|to receive new posts and support|"
                r"thanks for reading\b.{0,60}[!.]\s*subscribe\b|type your e-?mail|newsletters? may contain\b|"
                r"all fields (?:are required|must be completed)|(?:in|to) your inbox\b|^sign up (?:for|to) [^.]{1,60}(?::|-)|"
                r"^thanks? (?:you )?for (?:signing up|subscribing)[!.]?$|a welcome email is on its way|^submitting\W*$|"
                r"^sorry,? (?:there (?:seems? to be|was|were|are) (?:some |an? )?(?:issues?|errors?|problems?)|"
                r"something went wrong)\b.{0,40}\bplease try again\b|"
                r"(?:an? )?(?:issue|error|problem) signing you up|by registering for free|^get the latest headlines\b|"
                r"(?:the|our) [\w' -]{1,40} newsletter (?:provides|brings|delivers|gives)\b|"
                r"^sign up to (?:receive|get)\b|sent (?:straight |directly )?to your (?:phone|inbox)\b|^invalid e-?mail(?: address)?\W*$|"
                r"^sign up (?:for|to) (?:the|our) [^.]{0,60}\b(?:reads?|stories|news|headlines|"
                r"briefings?|digest|updates|newsletters?)\b|first (?:featured|appeared|published) in (?:the |our )?[\w' -]{1,40} newsletter|"
                r"newsletters?\b[^.!?]{0,100}[.!?]\s*(?:sign up|subscribe)(?: here| now| today| for free)?\W*$|"
                r"\b(?:in|from) this (?:weekly |daily |free )*newsletter\W*$).*)",
                "Get the latest headlines delivered to your inbox.",
                needs="inbox|mail|signing up|sign up|subscribing|registering|subscribe|newsletter|all fields|latest headlines|"
                      "to your phone|submitting|try again"),
    LinePattern("email_footer", "boilerplate", "other", "line", 40,
                r"(?i:(?:you(?:'re| are| were)? receiv(?:ing|ed) this (?:e-?mail|newsletter|message)|unsubscribe|"
                r"update (?:your )?(?:e-?mail |subscription )?preferences|manage (?:your )?subscriptions?|"
                r"view (?:this e-?mail )?in (?:your |a )?(?:web )?browser|forward (?:this|it) to a friend|"
                r"(?:was this|this) (?:e-?mail|newsletter) (?:was )?forwarded to you)\b.*)",
                "You are receiving this email because you signed up for The Morning Dispatch.",
                needs="receiv|unsubscribe|preferences|subscription|browser|friend|forwarded"),
    LinePattern("sponsor", "boilerplate", "other", "line", 8,
                r"(?i:(?:sponsored|presented|brought to you|underwritten) by\b.*|paid partnership\b.*|"
                r"(?:whitepaper|white paper|webinar|e-?book|sponsored(?: content)?|partner content|advertorial)\s*:\s*\S.*)",
                "SPONSORED BY COASTAL CREDIT UNION"),
    LinePattern("app_promo", "boilerplate", "other", "line", 30,
                r"(?i:(?:[\w' ]{0,40}: )?(?:click here to |tap here to )?(?:download|get|install|try) (?:the|our) (?:free )?"
                r"[\w&'’ -]{0,40}\bapps?\b.*|join (?:our|[\w&'’. -]{1,30}'s) (?:[\w&'’.-]+ )?(?:whatsapp|telegram|signal) (?:channel|community|group)\b.*|"
                r".*\bdownload (?:the|our) (?:free )?[\w&'’ -]{0,30}\bapps?\b.*|"
                r"for the latest (?:news|updates|headlines|stories)\b.{0,80}\b(?:head to|visit|go to|download|follow)\b.*|"
                r"watch [\w&'’ -]{2,40} (?:every|each) (?:night|day|morning|evening|weeknight|weekday)\b.*|"
                r".*\bfollow [\w&'’. -]{1,40} on (?:whatsapp|telegram|google news|instagram|tiktok)(?: channels?)?\b.*|"
                r"take us with you|.*\b(?:news|updates|stories|headlines|alerts)\b.{0,60}\bin the palm of your hand\W*)",
                "Download the KTRV 7 app to get the latest breaking news alerts on your phone.",
                needs="app|channel|latest|watch|whatsapp|telegram|google news|instagram|tiktok|take us|palm of your"),
    # the outlet asking its readers for money: membership and donation appeals
    LinePattern("support_appeal", "boilerplate", "other", "line", 80,
                r"(?i:.*\b(?:(?:support|fund|help sustain|power|sustain) (?:our |independent |quality |local |nonprofit )+"
                r"(?:journalism|reporting|news(?:room)?)|made possible by (?:listeners|readers|viewers|members|donors|"
                r"supporters) like you|(?:because|thanks to) (?:readers|listeners|viewers|members|supporters) like you|"
                r"for as little as [$€£][\d.]+ (?:a|per) (?:month|week|year),? you can (?:help|support)|"
                r"(?:become|becoming) a (?:member|supporter|donor|patron)\b|"
                r"(?:you've|you have) read \d+ (?:[\w ]{0,30})?articles?|you're a dedicated reader|"
                r"we haven't put up a paywall|^donate (?:now|today)\b|every contribution(?:,[\w ]{1,25},)? "
                r"(?:counts|matters|helps)|support press freedom|free for all readers|"
                r"^our mission is to (?:deliver|provide|bring|produce) [^.]{0,80}(?:journalism|reporting|news)|"
                r"consider supporting [\w&'’ .-]{1,40}\b|support free journalism|(?:thank you|thanks) for your (?:past )?"
                r"(?:contribution|support) to\b|(?:thank you|thanks) for (?:donating|your donation)\b|"
                r"(?:financial )?support of (?:our )?(?:readers|listeners|viewers|members)\b|can'?t afford to donate|"
                r"free to read,? and free to republish|"
                r"republish (?:this|our) (?:story|stories|article)|"
                r"your (?:donations?|support|contributions?|membership|subscription) (?:keeps?|helps?|makes?|allows?|lets?|funds?|"
                r"powers|sustains)\b|(?:for )?less than the (?:price|cost) of a (?:cup of )?coffee|"
                r"digital subscription\b.{0,80}\b(?:unlimited access|fewer ads|premium content)|"
                r"^subscribe to [\w&'’ .-]{1,40} to (?:get|gain|enjoy) (?:unlimited |full )?access\b|"
                r"^don'?t miss out on (?:the latest|our) (?:news|stories|updates|journalism)|"
                r"(?:independent |quality |good |local )?journalism costs (?:money|time)|for the price of a (?:cup of )?coffee|"
                r"subscribers get (?:unlimited|full|exclusive|premium) access\b|subscribe (?:now |today )?for (?:just |only )?[$€£]|"
                r"^(?:get )?unlimited (?:digital )?access\b.{0,60}(?:[$€£]\s?\d|\bfor \d+ (?:weeks?|months?)|premium|journalism)|"
                r"^support [\w&'’. -]{1,40}['’]s? journalism\b|your support (?:will |can )?(?:helps?|keeps?|allows?|lets?|makes?)\b|"
                r"^make a (?:donation|contribution)\b|we (?:firmly )?believe in the (?:importance|power|value) of "
                r"(?:high-quality |quality |independent |free )?journalism|please support us\b|your support,? no matter how small\b|"
                r"by supporting [\w&'’ .-]{1,40},? you(?:'re| are)\b|(?:to )?continue our work,? we need your (?:help|support)\b|"
                # an offer: "Limited time offer: $1 for 6 months. Subscribe now."; saving behind a log-in
                r"^(?:special |limited[- ]time |introductory |exclusive )offer\b.{0,60}(?:[$€£]\s?\d|\bsubscribe\b)|"
                r"^(?:log ?in|sign ?in|register)(?:,| or)[\w, ]{0,40}\bto (?:save|bookmark|read|continue|comment)\b|"
                # "Support my work with a digital subscription", "X depends on donations from readers like you"
                r"^support (?:my|our) work\b|^support us(?: (?:to|in|by|with|today|now|here)\b|\W*$)|(?:readers|listeners|viewers|members|supporters) like you\b|\bdepends? on (?:donations|contributions|support) from (?:readers|listeners|viewers)\b).*)",
                "WPR’s reporting is made possible by listeners like you. Support independent journalism today.",
                needs="journalism|possible by|as little as|become a|becoming a|like you|donating|support of|you've read|"
                      "you have read|dedicated reader|paywall|donate|"
                      "contribution|press freedom|free for all|our mission|consider supporting|free journalism|"
                      "afford to donate|republish|your donation|your support|your contribution|your membership|"
                      "your subscription|digital subscription|subscribe to|subscribers get|subscribe now|subscribe today|"
                      "coffee|miss out|journalism costs|price of a|make a donation|make a contribution|believe in the|"
                      "s journalism|s' journalism|please support us|no matter how small|by supporting|we need your|unlimited|"
                      "offer|log in|login|sign in|signin|register|support my|support our|support us|depends on|power our|sustain our"),
    # a short appeal: "Support The Scotsman"
    LinePattern("support_short", "boilerplate", "other", "line", 6,
                r"(?i:support (?:the )?(?-i:[A-Z][\w&'’.-]*)(?: (?-i:[A-Z][\w&'’.-]*)){0,3}\W*|donate\W*)",
                "Support The Scotsman", needs="support|donate"),
    LinePattern("paywall", "boilerplate", "other", "line", 30,
                r"(?i:(?:this )?(?:article|story|content) (?:is )?(?:reserved|available|exclusive) (?:exclusively )?(?:for|to) "
                r"(?:paid |our )?(?:[A-Z][\w'&-]* ){0,3}(?:subscribers|members)\b.*|subscribers? only|"
                r"(?:please )?(?:subscribe|log ?in|sign ?in|register) to (?:continue|keep|read|unlock|listen|follow|"
                r"comment|save)\b.*|.*\byou must be (?:logged|signed) in to (?:follow|listen|save|comment|read)\b.*|"
                r"you have (?:\d+|one|two|three) free (?:articles?|stories) (?:left|remaining)\b.*|"
                r"read this (?:article|story) for free\W*|already have an account\?.*|"
                r"to (?:continue|keep) reading,? (?:please )?(?:subscribe|log ?in|sign ?in|register)\b.*|"
                r"[$€£]\d+(?:\.\d\d)? (?:per|a|/) ?(?:week|month|year)\b.{0,40}|\*?billed as [$€£].*|"
                r".*\boffer (?:is )?(?:only )?(?:available|valid) (?:to|for) new (?:and [\w ]{1,30})?subscribers\b.*|"
                r"subscribe now to read\b.*|unlimited (?:online )?access to (?:articles|stories|content)\b.*|"
                r"(?:register|sign in|log in)(?: ?/ ?(?:register|sign in|log in))? to unlock (?:more )?articles\W*|"
                r"create an account or (?:sign|log) in to continue\b.*|access articles from across\b.*|"
                r"enjoy additional articles per month\W*|get email updates from your favou?rite authors\W*|"
                r"don'?t have an account\?.*|exclusive articles from columnists\b.*|"
                r"share your thoughts and join the conversation in the comments\W*|get exclusive access to\b.*|"
                r".*\be-?paper\b.*\belectronic replica\b.*)",
                "Article reserved for subscribers"),
    LinePattern("language_switch", "boilerplate", "navigation", "line", 5,
                r"(?i:(?:lire|read|leer|lesen|leggi) (?:en|in|auf) (?:français|english|español|deutsch|italiano)|"
                r"(?:version|versión) (?:française|en español|english)|english version|en español|auf deutsch)\W*",
                "Lire en français"),
    LinePattern("video_player", "boilerplate", "other", "line", 6,
                r"(?i:video player (?:is )?loading\W*|autoplay(?: (?:on|off))?|now playing|up next|"
                r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?|replay|(?:un)?mute|fullscreen|"
                r"closed captions?)\W*",
                "Video player loading..."),
    # the player's complaints about the reader's browser
    LinePattern("browser_notice", "boilerplate", "other", "line", 20,
                r"(?i:.*\b(?:your|this|the|a|chrome|firefox|safari|edge) (?:web )?browser (?:does not|doesn't|for a more|"
                r"is not supported|is out of date|to play|to watch|to view)\b.*|.*\b(?:enable|turn on) javascript\b.*)",
                "Your browser does not support the video tag.", needs="browser|javascript"),
    LinePattern("audio_player", "boilerplate", "other", "line", 16,
                r"(?i:(?:new)?\s*you can now listen to .*|listen to (?:more |this )?(?:stories|articles?|story|podcasts?)\b.*|"
                r"(?:voiced|narrated|read) by (?:artificial intelligence|an? (?:ai|automated|artificial) voice|ai)\b.*|"
                r"this audio (?:is|was|has been) (?:generated|produced|created|read) (?:by|with|using) (?:an? )?"
                r"(?:ai|artificial intelligence|automated|text-to-speech|synthetic)\b.*|"
                r"read a summary of this (?:article|story)\b.*|powered by text-to-speech\b.*|"
                r"this (?:article |story |audio )?(?:is|was) (?:being )?read (?:aloud )?by an? (?:automated|ai|artificial|"
                r"computer(?:-generated)?) voice\b.*|"
                r"(?:[\w'’ ]{1,30}\?\s*)?listen instead|powered by trinity audio|"
                r"(?:audio|listen)\s*(?:\d+\s*min(?:ute)?s?)?)\W*",
                "You can now listen to Fox News articles!"),
    LinePattern("newsletter_mention", "boilerplate", "newsletter", "line", 12,
                r"(?i:.*\bnewsletters?\b.*)", "Get our newsletter", needs="newsletter"),
    LinePattern("newsletter", "boilerplate", "newsletter", "line", 12,
                r"(?i:subscribe(?: now| today| here)?|sign up(?: now| today| here)?|"
                r"subscribe (?:to|for) .*|sign up (?:to|for) (?:our |the )?[\w' -]{1,40}|already a subscriber\?.*|become a (?:member|subscriber).*)",
                "Subscribe now"),
    LinePattern("share_bar", "boilerplate", "share", "line", 16,
                rf"(?i:(?:(?:{_SHARE_WORDS})(?:\s*\(\d+\))?\d?\s*[:,|/·•\-]*\s*)+|(?:click|tap) (?:here )?to share\b.{{0,40}}|"
                rf"share this (?:story|article)\s*:\s*\S.*|"
                # a button's text with the screen reader's note: "Click to print (Opens in new window)"
                rf"[^()]{{1,60}}\(opens in (?:a )?new (?:window|tab)\))",
                "Share this article Facebook Twitter WhatsApp Email"),
    LinePattern("navigation", "boilerplate", "navigation", "line", 8,
                r"(?i:(?:back to (?:top|home|the top)(?: button)?|skip to (?:main )?(?:content|navigation|footer)|"
                r"(?:main )?menu|search|home(?:page)?|close|open|toggle navigation|next|previous|prev|"
                r"(?:next|previous|prev) (?:article|story|post|page)|older posts|newer posts|go to (?:the )?page|"
                r"(?:load|show|view|see) more|read more|continue reading|read full (?:article|story)|"
                r"log ?in|log ?out|sign ?in|sign ?out|register|my account|account|"
                r"privacy(?: policy| notice| settings)?|terms(?: of (?:use|service))?|"
                r"terms (?:and|&) conditions|cookie (?:policy|settings|preferences)|contact(?: us)?|about(?: us)?|"
                r"careers|jobs|advertise(?: with us)?|sitemap|site map|accessibility|faq|help|rss(?: feeds?)?|"
                r"all rights reserved\.?|top stories|sections|topics|more sections|go to|back|"
                r"follow us(?: on [\w ]+)?|connect with us|breadcrumbs?|you are here|"
                r"(?:[\w.'’&]+ ){0,4}[-–|:] back to (?:the )?home(?:page)?|"
                # a photo gallery's controls: "1 of 18", "View full gallery"
                r"\d{1,3}\s*(?:of|/)\s*\d{1,3}|(?:view|see|open|browse)(?: the)? (?:full |whole )?(?:photo )?gallery|"
                r"(?:change )?(?:text |font )?size|(?-i:Follow) (?-i:[A-Z])[\w.&'’-]*(?: (?-i:[A-Z])[\w.&'’-]*){0,3}|"
                r"(?:view|see) all(?: \d+)? (?:photos|images|pictures)|"
                # a picture's sales buttons: "License Photo", "Buy this photo"
                r"(?:license|buy|purchase|order)(?: this| a)? (?:photo|image|picture|print)s?)\W*)",
                "Back to top button"),
    # An author's bio closing the page: the header, then the bio lines (metadata, not the issuer's boilerplate).
    LinePattern("author_bio_header", "metadata", "credit", "list", 5,
                r"(?i:about the (?:authors?|writers?|reporters?)|(?:author|writer)(?:'s)? (?:bio(?:graphy)?|profile)|"
                r"meet the (?:author|writer))\W*",
                "ABOUT THE AUTHOR"),
    # A press release's contacts: the label, then the short lines of names, e-mails and phone numbers.
    LinePattern("media_contact", "metadata", "credit", "list", 6,
                r"(?i:(?:media|press|investor|news ?room|public relations|pr|company)(?: relations)? "
                r"(?:contacts?|inquiries|enquiries)|contacts?)\s*:",
                "Media Contact:"),
    LinePattern("release_source", "metadata", "credit", "line", 8,
                r"SOURCE\s+[A-Z][\w.,&'’ -]{1,60}",
                "SOURCE Nortavia Health, Inc."),
    LinePattern("wire_provider", "metadata", "byline", "line", 6,
                r"(?i:news provided by|(?:press release )?(?:distributed|provided|issued) by(?:\s+[A-Z][\w.,&' -]{0,40})?)\W*",
                "News provided by"),
    # A press release ends with the issuer's boilerplate: "About <Company>", the legal fine print,
    # then contacts. After the navigation row, so that "About us" stays a menu item.
    LinePattern("outlet_blurb", "boilerplate", "other", "line", 80,
                r"(?:The )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,5} (?:is|has been) an? (?:(?:independent|impartial|"
                r"non-?profit|not-for-profit|award-winning|global|leading|trusted|reader-funded|"
                r"public(?:ly)?(?:-funded)?|fact-based),? (?:and )?)+[\w ,-]{0,40}?\b(?:news|media|journalism|"
                r"newsroom|publication|platform|organi[sz]ation|outlet|publisher|broadcaster|news agency)\b.*|"
                r"(?i:.*\bquality journalism is (?:more )?(?:crucial|important|vital|needed)\b.*)|"
                r"(?=.*(?i:journalism|reporting|reporter|newsroom|news service))"
                r"(?:The )?[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,5} (?:is|are) (?:[\w ]{0,40} )?(?:jointly |partly )?"
                r"(?:funded|co-funded|supported|paid for) by (?:the )?[A-Z].*",
                "The Associated Press is an independent global news organization dedicated to factual reporting.",
                needs="independent|impartial|profit|award|global|leading|trusted|funded|public|fact-based|journalism|"
                      "supported by|paid for"),
    LinePattern("notes_to_editors", "metadata", "note", "tail", 4,
                r"(?i:notes? (?:to|for) (?:the )?editors?|editor(?:['’]?s)?['’]? notes)\s*:?", "Notes to editors"),
    LinePattern("about_issuer", "boilerplate", "other", "tail", 6,
                r"(?:(?i:about)\s+(?:the\s+)?[A-Z][\w.,&'’-]*(?:\s+(?:[A-Z&][\w.,&'’-]*|of|the|and|for|de)){0,4}|"
                r"(?i:forward[- ]looking statements?|safe harbou?r statement|cautionary (?:note|statement)s?"
                r"(?: regarding forward[- ]looking statements?)?))\s*:?",
                "About Halvorsen Biotech"),
    # the issuer's paragraph about itself run in with its label: "About the Tempe Police Department: The ..."
    LinePattern("about_issuer_inline", "boilerplate", "other", "line", 0,
                r"(?-i:About (?:the )?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|for|de)){0,6}):\s+[A-Z].*",
                "About the Tempe Police Department: The department serves more than 180,000 residents.",
                needs="about"),
    # The lookahead (a separator somewhere) changes nothing but rejects most lines in one scan.
    LinePattern("breadcrumb", "boilerplate", "navigation", "line", 14,
                rf"(?=[^>»›\"/|]*[>»›\"/|])"
                rf"(?:{_CRUMB}(?:\s*[>»›]\s*{_CRUMB}|\s+\"\s+{_CRUMB})+|{_CRUMB}(?:\s+[/|]\s+{_CRUMB}){{2,}})",
                "Home > News > World"),
    LinePattern("tags", "boilerplate", "navigation", "line", 40,
                r"(?i:(?:tags?|tagged(?: with)?|topics?|filed under|categories|category|keywords?|posted in)\s*:\s*.*|"
                r"(?-i:Tags) \S.*|(?-i:In):\s+(?-i:[A-Z])[\w .,&'’-]{1,60})",   # The Hill: "Tags ..."; CBS: "In: Minnesota"
                "Tags: Hikvision, Canada, China"),
    LinePattern("cookie_notice", "boilerplate", "other", "line", 45,
                r"(?i:.*\b(?:we|this (?:site|website)|our (?:site|website|partners))\b.*\bcookies?\b.*|"
                r".*\bcookies?\b.*\b(?:you (?:agree|accept|consent)|by continuing|accept all|manage (?:your )?"
                r"(?:preferences|settings)|cookie (?:policy|settings))\b.*)",
                "We use cookies to improve your experience. By continuing you agree to our cookie policy.",
                needs="cookie"),
    LinePattern("consent_button", "boilerplate", "other", "line", 4,
                r"(?i:accept(?: all)?(?: cookies)?|reject(?: all)?|(?:manage|customi[sz]e) (?:preferences|settings|options)"
                r"|got it!?|i agree|list of partners(?: \(vendors\))?|vendor list|show (?:all )?(?:purposes|vendors)|"
                r"cookies? settings|cookie preferences)\W*",
                "Accept all cookies"),
    # topics to follow: the label, then the topics one to a line
    LinePattern("follow_topics", "boilerplate", "other", "list", 12,
                r"(?i:(?:click|tap) the (?:alert|bell|follow|\+) (?:icon|button) to follow\b.*|follow (?:these |related )?topics\W*)",
                "Click the alert icon to follow topics:", needs="to follow|topics"),
    # a labelled advertisement of a line or two: "TEXT AD: Solar inverters ..."
    LinePattern("ad_label", "boilerplate", "other", "line", 40,
                r"(?i:(?:text |classified |sponsored )?(?:ad|advert|advertisement|advertorial)\s*:\s+\S.*)",
                "TEXT AD: Solar inverters for home and office - free installation in Abuja and Lagos."),
    # an embedded social post: its signature line, a handle alone, its counts
    LinePattern("social_embed", "boilerplate", "other", "line", 16,
                rf"(?:[-–—]\s*[^()]{{1,60}}\(@\w{{1,30}}\)\s*(?i:{_DATE})|@\w{{2,30}}|"
                rf"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+,?|for|of|the|and|in)){{0,8}}\s+\(?@\w{{2,30}}\)?"
                rf"(?:\s*·\s*(?i:follow|\d{{1,2}}\s?[smhd]|{_DATE}))?|"
                rf"(?i:read [\d.,]+k? replies)|"
                rf"(?i:(?:[\d.,]+[km]?\s+(?:reposts?|retweets?|likes?|replies|quotes?|views|bookmarks)\s*)+))",
                "- Wake County Public School System (@WCPSS) March 12, 2025"),
    # the outlet's promise of more news: "Get Latest India News along with Latest News and Top Headlines ..."
    LinePattern("latest_news_promo", "boilerplate", "other", "line", 30,
                r"(?i:get (?:the )?latest [\w ]{1,40} news along with\b.*|(?:stay|keep) (?:up to date|updated|informed|up) "
                r"with (?:the )?latest\b.*|stay (?:up to date|informed|in the know) with\b[^.]{0,60}\bnews\b.*)",
                "Get Latest India News along with Latest News and Top Headlines from India and around the world.",
                needs="latest|stay up to date|stay informed|stay in the know"),
    # the outlet's own offers, addressed to the reader: its stories, newsletters and podcasts
    LinePattern("reader_promo", "boilerplate", "other", "line", 45,
                r"(?i:get (?:our|your) (?:(?:best|top|latest|biggest|essential|daily|weekly|free|local) )*"
                r"(?:stories|news|headlines|reads|coverage|briefing)\b.*|catch up on (?:all )?(?:of )?our\b.*|"
                r"find out what'?s happening in\b.*\b(?:updates|alerts|newsletter)\b.*|"
                r"unlock (?:the|our) [^.]{1,40}\bfor free\W*|subscribe to [^.]{1,60}? to (?:get|receive)\b.*|"
                r".*[.!?]\s+(?:listen|watch|subscribe|sign up) (?:now|here|today)[.!]?|"
                r"(?:every|each) (?:week|day|morning|weekday|month) (?:on|in) our (?:podcast|newsletter|show)\b.*|"
                r"on (?:the |our )?(?:latest|newest|this week'?s|today'?s) episode of\b[^.]{0,60}\bpodcast\b.*)",
                "Get our best stories on technology outside the West, every Friday.",
                needs="get our|get your|catch up on|find out what|unlock|subscribe to|listen now|listen here|"
                      "watch now|subscribe now|sign up now|sign up here|our podcast|our newsletter|our show|episode of"),
    LinePattern("advertisement", "boilerplate", "other", "line", 12,
                r"(?i:(?:(?:skip |hide |close |report (?:this )?)?(?:advertisement|advertising|ad|ads)(?: \d{1,2}| feedback)?|sponsored|sponsor message|"
                r"promoted|paid (?:post|content)|article content|"
                r"this (?:advertisement|ad) has not loaded yet.*|"
                r"(?:story|article) continues(?: below| after| under)?(?: this| the)?(?: advertisement| ad)?|"
                r"(?:video )?duration\s*:?\s*\d{1,2}(?::\d{2}){1,2}|"
                r"scroll to continue(?: with content)?|continue reading below|partner content|"
                r"loading(?:\.\.\.|…)?|please enable javascript.*|"
                r"(?:watch|listen)(?: (?:now|live|to this (?:article|story)))?(?: \d+ min(?:utes?)?)?|"
                r"play (?:video|audio)|video|audio|image|gallery|\d+ (?:photos|images))\W*)",
                "Advertisement"),
    LinePattern("disclaimer", "boilerplate", "other", "line", 60,
                r"(?i:disclaimer\s*:.*|\(?\s*the (?:views|opinions) (?:and opinions )?expressed (?:in|by) .*|"
                r".*\b(?:independent press standards organisation|editors'? code of practice)\b.*|"
                r".*\bregistered in england(?: (?:&|and) wales)?\b.*|in compliance with the jti standards?\b.*|"
                # The Conversation's disclosure statements under each article
                r".*\bprovides? funding as an? (?:founding )?(?:partner|member) of the conversation\b.*|"
                r"(?-i:[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,2}) (?:receives?|has received) funding from\b.*|"
                r".*\bdo(?:es)? not work for, consult, own shares in or receive funding from\b.*|"
                r"attention (?:broadcasters|editors|media)\W*|.*\blive or pre-?recorded (?:tv|television) and radio interviews\b.*|"
                r"this (?:story|article|content|post) (?:is|was|has been) (?:auto-?generated|generated automatically|"
                r"(?:published|taken|generated) from a syndicated feed)\b.*)",
                "Disclaimer: This story is auto-generated from a syndicated feed.",
                needs="disclaimer|expressed|generated|syndicated|press standards|code of practice|"
                      "registered in england|attention|radio interviews|funding from|funding as|own shares|jti"),
    LinePattern("copyright_footer", "boilerplate", "other", "line", 30,
                r"(?i:(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).*|[^.]{0,60},\s*(?:©\s*)?copyright\s*(?:©\s*)?\d{4}\b.*|"
                r"copyright\s+(?-i:[A-Z])[\w&'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,6}\s+\d{4}\.?(?:\s*all rights reserved\b.*)?)",
                "© 2025 The Daily Ledger. All rights reserved.", needs="©|(c)|copyright"),
    LinePattern("separator", "boilerplate", "other", "line", 0,
                r"[\W_]+", "* * *"),
    # a writer's name with the outlet, no "By": "Ellen Marsh, The Daily Herald (Everett, Wash.)",
    # "Ardi Wicaksono (The Jakarta Post)"
    LinePattern("byline_outlet", "metadata", "byline", "line", 12,
                rf"[A-Z\u00C0-\u024F][\w.'’-]+(?:\s+[A-Z\u00C0-\u024F][\w.'’-]+){{1,3}}\s*(?:,\s*|\(\s*)"
                rf"(?:The\s+)?(?:[A-Z][\w&.'’-]*\s+){{0,3}}{_OUTLET_WORD}\b(?:\s*\))?(?:\s*\([^()]{{2,30}}\))?",
                "Ellen Marsh, The Daily Herald (Everett, Wash.)"),
    LinePattern("byline", "metadata", "byline", "line", 16,
                rf"(?:(?i:by|written by|words by|story by|posted by|reported by|author|authors)\s*:?\s+"
                rf"(?:(?:[a-z]+\s+){{0,2}}(?:reporter|writer|correspondent|editor|journalist)\s+)?"   # "By technology reporter Mei Hartley"
                rf"[A-Z\u00C0-\u024F][\w.'’-]*(?:\s+(?:[A-Z\u00C0-\u024F][\w.'’-]*|de|da|van|von|der|den|la|le|al|"
                rf"bin|di|du|and|&))*(?:\s+(?i:staff|team|desk|editors?|reporters?|correspondents?))?"
                rf"(?:\s*(?:,|\||-|·|•|and|&)\s*{_BYLINE_TAIL_WORD}(?:\s*{_BYLINE_TAIL_WORD})*)?|"
                r"(?i:(?:staff|senior|special|chief|foreign|political|business|technology|tech) "
                r"(?:writer|reporter|correspondent|editor)s?)\W*)",
                "By Jane Doe, Reuters"),  # also "Posted by Digital Rights Norway staff"
    # A name with the writer's job ("Peter Walker Senior political correspondent"), a name between
    # separators ("Bryce Hoye · CBC News ·"), or where the reporting was done ("Reporting from Washington").
    LinePattern("byline_with_title", "metadata", "byline", "line", 10,
                r"[A-Z\u00C0-\u024F][\w.'’-]+(?:\s+[A-Z\u00C0-\u024F][\w.'’-]+){1,2}\s*[,|·•-]?\s+"
                r"(?:(?!(?i:told|tells|said|says|asked|thanked|met|called|urged)\b)[A-Za-z&-]+\s+){0,3}"
                r"(?i:reporter|correspondent|editor|writer|columnist|journalist|contributor|producer)s?[\s,|·•]*",
                "Peter Walker Senior political correspondent"),
    LinePattern("byline_separated", "metadata", "byline", "line", 9,
                r"[A-Z\u00C0-\u024F][\w.'’-]+(?:\s+[A-Z\u00C0-\u024F][\w.'’-]+){1,2}\s*[·•|]\s*"
                r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*[·•|]?\s*",
                "Bryce Hoye · CBC News ·"),
    LinePattern("reporting_from", "metadata", "byline", "line", 6,
                r"(?i:reporting from)\s+[A-Z][\w.'’ ,-]{1,40}",
                "Reporting from Washington"),
    # A writer's job on a line of its own, near the byline: "Courts reporter", "Staff Reporter, Nextgov/FCW",
    # "Technology reporter @tomashdown", "Editor: huaxia", "Written by" (the name on the next line; a bare "By" is
    # left to the byline set over several lines). One writer:
    # "Columnists", "Letters to the Editor", "Meet the Editors" are a site's links.
    LinePattern("job_title", "metadata", "byline", "line", 8,
                r"(?:(?!(?i:a|an|the|is|was|our|your|my|his|her|their|to|for|from|of|by|meet|letters|all|public|contact|"
                r"ask|become|every|no|guest|send|email)\b)[\w/&.'’-]+\s+){0,4}"
                r"(?i:reporter|correspondent|editor|writer|columnist|contributor|journalist)"
                r"(?:\s*,\s*[A-Z][\w/&.'’ -]{1,40}|\s+@\w{2,30})?|"
                r"(?i:editor|writer|reporter|author|journalist|correspondent)\s*:\s*\w[\w.'’ -]{0,40}|"
                r"(?i:written|words|story|reported|posted)\s+by\s*:?",
                "UK/EMEA News Reporter, Infosecurity Magazine"),
    LinePattern("dateline", "metadata", "dateline", "line", 18,
                rf"(?i:[(–—-]?\s*(?:date|on|(?:first |last |originally )?(?:published|posted|updated|modified|created|issued)(?: on| at)?)?\s*:?\s*(?:{_DATE}|{_TIME}|\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)"
                rf"\s+ago|yesterday|today|just now)(?:(?:\s*(?:,|at|\||-|·|•|/)\s*|\s*)(?:{_DATE}|{_TIME}|{_TIME_ZONE}|"
                rf"(?:last )?(?:updated|published)(?:\s+ago)?\s*:?|\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago))*"
                rf"(?:,\s*[a-z]{{2,3}})?(?:\s+by\s+\S+(?:\s+\S+){{0,3}})?\s*\)?"
                rf"(?:\s+/\s+(?-i:[A-Z])[\w&.'’-]*(?: (?-i:[A-Z])[\w&.'’-]*){{0,3}})?\s*)",   # "..., UK", "(Updated: ...)", "... / CBS Minnesota"
                "Published July 7, 2025 10:32 a.m. EDT"),
    # a place before or after the date: "Madrid - Oct 13, 2025 - 05:40 CEST", "New Delhi | Updated: August 12, 2025
    # 19:05 IST", "October 14, 2025 – Ottawa, Ontario
    # – Public Safety Canada", "Published in Dawn, October 12th, 2025"; "Updated about 4 hours ago"
    LinePattern("dateline_place", "metadata", "dateline", "line", 14,
                rf"(?:(?-i:[A-Z])[\w'’.]*(?: (?-i:[A-Z])[\w'’.]*){{0,2}}\s+[-–—●•·]\s+)?(?i:{_DATE})(?:\s*[-–—]\s*(?:(?i:{_TIME})"
                rf"(?:\s*(?i:{_TIME_ZONE}))?|(?-i:[A-Z])[\w'’.]*(?:,? (?-i:[A-Z])[\w'’.]*){{0,4}}))*"
                rf"(?:\s+\|\s+(?-i:[A-Z])[\w&]*(?:,? (?-i:[A-Z])[\w&]*){{0,3}})?|"   # "KYODO NEWS - Sep 9, 2025 - 19:27 | Business, All"
                rf"(?i:published in [\w'’ .&-]{{1,40}},\s*{_DATE}|(?:last )?updated (?:about|around|nearly|over) \d+ "
                rf"(?:minutes?|mins?|hours?|hrs?|days?|weeks?) ago)|"
                rf"(?-i:[A-Z])[\w'’.]*(?: (?-i:[A-Z])[\w'’.]*){{0,2}}\s+\|\s+(?i:(?:updated|published|posted)\s*:\s*{_DATE}"
                rf"(?:,?\s*{_TIME})?(?:\s*{_TIME_ZONE})?)",
                "Madrid - Oct 13, 2025 - 05:40 CEST"),
    # "Updated - March 14, 2024 10:32 pm IST - CHENNAI", "Mar 14, 2024 - Health", "... MST·4 min read"
    LinePattern("dateline_labelled", "metadata", "dateline", "line", 16,
                rf"(?i:(?:(?:last )?(?:updated|published|posted|modified)\s*[-–:]\s*)?(?:{_WEEKDAY},?\s+)?{_DATE}"
                rf"(?:,?\s*(?:at\s+)?{_TIME})?(?:\s*{_TIME_ZONE})?"
                rf"(?:\s*[-–|·•]\s*(?:\d+\s*min(?:ute)?s?\s*read|[a-z][\w &]{{1,24}}))?)",
                "Updated - March 14, 2024 10:32 pm IST - CHENNAI"),
]

# Section names a news site files a story under. A line made only of these, above the headline,
# is the section label; a run of such lines is a navigation menu.
SECTION_WORDS = frozenset("""
news world politics business economy economics markets finance money tech technology science health
sport sports opinion opinions analysis editorial editorials culture arts entertainment lifestyle
travel food style fashion climate environment energy education local national international global
canada us usa uk europe asia africa americas china india australia middle east latin america
security defence defense cybersecurity cyber crime justice law courts investigations breaking latest
features feature video videos podcast podcasts photos weather autos cars real estate property
obituaries society religion media & and
""".split())

# A small English stopword list (NLTK's stopwords data is not installed): function words whose
# share separates running prose (~35-60% stopwords) from menus and headlines (~0-25%).
STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
during each either few for from further had hadn't has hasn't have haven't having he he'd he'll he's her
here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's
its itself just let's may me might more most must mustn't my myself neither no nor not now of off on once
only or other ought our ours ourselves out over own per same says said say shall shan't she she'd she'll
she's should shouldn't since so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those though through thus to too under until up
upon us very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
whether which while who who's whom whose why why's will with within without won't would wouldn't yet you
you'd you'll you're you've your yours yourself yourselves according although among amid despite told
""".split())

# A line that opens a list item: bullets, dashes, numbers ("• Canada ordered ...", "1. ...").
BULLET_RE = re.compile(r"^\s*(?:[•·▪▫◦‣∙●○■□►▶✓✔*+\-–—]|\d{1,2}[.)]|[a-z][.)])\s+")
# A line that ends like a sentence: final punctuation, maybe followed by closing quotes or brackets.
SENTENCE_END_RE = re.compile(r"[.!?…](?:[\"'”’)\]]{0,3})\s*$")
# A line that looks like a person's name (a byline without "By"): 2-4 capitalized words.
# Words of a site's own links ("Cookie Notice", "Customer Center", "Today's Paper", "Meet the Editors"): a short
# capitalized line with one is a link, not a person's name.
SITE_LINK_WORD_RE = re.compile(
    r"\b(?:Policy|Policies|Notice|Choices|Cent(?:er|re)|Editors|Paper|Terms|Privacy|Contact|Careers|Advertise|"
    r"Advertising|Help|Sitemap|Site Map|Accessibility|Subscriptions?|Newsletters|Archives?|Feedback|Cookies?|Ethics|"
    r"Standards|FAQs?|Settings|Preferences|Podcasts|Puzzles|Games|Obituaries|Classifieds|Jobs|Events|Store|Shop|"
    r"Corrections|Masthead|E-?[Pp]aper|Us|Article|Story|Save|Share|Print|Listen|Follow|Subscribe|Comments?|Login|"
    r"Register|Menu|Search|Home)\b")
_NAME = r"[A-Z\u00C0-\u024F][\w.'’-]+(?:\s+(?:[A-Z\u00C0-\u024F][\w.'’-]*|de|van|von|der|al|bin)){1,3}"
NAME_RE = re.compile(_NAME)
# Names with where they report from: "Sarah Whitfield in Toronto", "Leyland Cecco in Toronto and Amy Hawkins in Beijing".
_PLACE = r"[A-Z\u00C0-\u024F][\w.'’-]+(?:\s+[A-Z\u00C0-\u024F][\w.'’-]+){0,2}"
NAME_IN_PLACE_RE = re.compile(rf"{_NAME}\s+in\s+{_PLACE}(?:\s*(?:,|and|,\s*and)\s+{_NAME}\s+in\s+{_PLACE})*")


def compile_patterns(patterns: list[LinePattern] = BOILERPLATE_PATTERNS
                     ) -> tuple[list[tuple[int, re.Pattern | None]], list[tuple[LinePattern, re.Pattern]]]:
    """Combined regexes by word limit, and each row compiled alone.

    For each distinct `max_words` limit L, one alternation of the plain rows allowed on lines of L
    words (one regex call per line, only over the rows that may decide it); rows that read only
    the end of a line or need a keyword first are left to be tried alone.
    """
    alone = [(p, re.compile(rf"(?:{p.regex})\Z")) for p in patterns]
    plain = [p for p in patterns if not p.tail_chars and not p.needs]
    combined = []
    for limit in sorted({p.max_words for p in plain if p.max_words}):
        rows = [p for p in plain if not p.max_words or p.max_words >= limit]
        combined.append((limit, re.compile("|".join(rf"(?P<{p.name}>(?:{p.regex})\Z)" for p in rows))))
    rows = [p for p in plain if not p.max_words]
    combined.append((10**9, re.compile("|".join(rf"(?P<{p.name}>(?:{p.regex})\Z)" for p in rows)) if rows else None))
    return combined, alone


def match_line(line: str, patterns: list[LinePattern] = BOILERPLATE_PATTERNS) -> LinePattern | None:
    """The first row of `patterns` that decides this line (slow reference version, for tests)."""
    s = line.strip()
    n = len(s.split())
    for p in patterns:
        if p.max_words and n > p.max_words:
            continue
        if p.needs and not any(k in s.lower() for k in p.needs.split("|")):
            continue
        target = s[-p.tail_chars:] if p.tail_chars else s
        if re.match(rf"(?:{p.regex})\Z", target):
            return p
    return None

# News agencies named in a wire dateline.
_AGENCIES = (r"AP|Reuters|AFP|CP|The Canadian Press|Xinhua|Bloomberg|dpa|DPA|EFE|ANSA|PA|Kyodo|Yonhap|TASS|UPI|"
             r"IANS|PTI|ANI|AAP|CNA|Anadolu|Sputnik|NTB|TT|Ritzau|STT|ANP|Belga|APA|Lusa|KNA|AA")
# A wire dateline opening a story's first paragraph: "OTTAWA, June 28 (Reuters) - ", "TORONTO (AP) — ",
# "SAN FRANCISCO, Calif. — ", "Beijing, June 30 (Xinhua) -- ", "BOSTON, July 1, 2025 /PRNewswire/ --".
# Its capitals are a place and an agency, not a headline's Title Case: the boilerplate stage reads the
# rest of the line without it.
WIRE_DATELINE_RE = re.compile(
    rf"(?:[A-Z][A-Z.'’-]{{2,}}(?:\s+[A-Z][A-Z.'’-]+){{0,3}}(?:,\s+[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?)?)?"
    rf"(?:,\s+(?i:{_DATE}))?(?:\s*\([A-Za-z][\w .&'’-]{{0,40}}\)|\s*/[A-Za-z][\w .&-]{{0,30}}/)?"
    rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?:,\s+[A-Z][a-z]+\.?)?(?:,\s+(?i:{_DATE}))?"
    rf"\s*(?:\((?:{_AGENCIES})\)|/(?:PRNewswire|PRNewswire-FirstCall|Business ?Wire|GLOBE NEWSWIRE|Newsfile|"
    rf"ACCESSWIRE|EINPresswire|CNW|Canada NewsWire|Marketwired)/))"
    rf"\s*(?:-{{1,2}}|—|–|:)\s+(?=\S)")
# The line under a byline's name that gives the outlet and the place: "BBC News, Toronto", "CBC News, Ottawa".
OUTLET_PLACE_RE = re.compile(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3},\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}")
# Rows whose list takes every line set close under the header, prose included (a bio is sentences).
BLOCK_HEADERS = frozenset({"author_bio_header"})
# A closing line that says who the reporter is: "Karina Oduya is a reporter covering ...", "Priya Lindqvist
# is a staff writer at The Atlantic", "Theo Marchetti is a Washington Post reporter covering ...", "Priya Raman is
# Semafor's Brussels-based tech reporter".
AUTHOR_BIO_RE = re.compile(
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was|has been)\s+(?:a|an|the|[A-Z][\w&.-]*['’]s)\s+(?:[\w&.'’-]+\s+){0,5}?"
    r"(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|producer|photographer|intern|"
    r"fellow)s?\b|"
    # "Holt covers Nebraska and Iowa politics and courts for The Associated Press."
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:covers|reports on|writes about)\s+[^.]{3,120}\s+(?:for|at)\s+"
    r"(?:the\s+)?[A-Z]")

# What a bio says after a name the byline gives (the writer's, then): "covers EU trade from Brussels", "reports on
# the economy", or who they are ("is a New York-based reporter").
BYLINE_BIO_RE = re.compile(r"(?:covers|reports on|reports from|writes about|writes on|is based in|has covered|has reported"
                           r"|(?:is|was|has been)\s+(?:a|an|the|[A-Z][\w&.-]*['’]s)\s+(?:[\w&.'’-]+\s+){0,5}?"
                           r"(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|producer|"
                           r"photographer|intern|fellow)s?)\b")
