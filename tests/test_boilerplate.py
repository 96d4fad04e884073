"""Tests for analysis/boilerplate.py and its pattern table in analysis/patterns.py."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import boilerplate as B
from analysis import corpus as C
from analysis import patterns as P
from analysis import text as T
from analysis.paths import DATA, ROOT, SEEDS

FIXTURES = ROOT / "tests" / "fixtures" / "boilerplate"
STRESS = ROOT / "tests" / "fixtures" / "boilerplate_stress"
HOLDOUT = ROOT / "tests" / "fixtures" / "boilerplate_holdout"
HOLDOUT3 = ROOT / "tests" / "fixtures" / "boilerplate_holdout3"
HOLDOUT4 = ROOT / "tests" / "fixtures" / "boilerplate_holdout4"
HOLDOUT5 = ROOT / "tests" / "fixtures" / "boilerplate_holdout5"
HOLDOUT6 = ROOT / "tests" / "fixtures" / "boilerplate_holdout6"
HOLDOUT7 = ROOT / "tests" / "fixtures" / "boilerplate_holdout7"
HOLDOUT8 = ROOT / "tests" / "fixtures" / "boilerplate_holdout8"
HOLDOUT9 = ROOT / "tests" / "fixtures" / "boilerplate_holdout9"
HOLDOUT10 = ROOT / "tests" / "fixtures" / "boilerplate_holdout10"
HOLDOUT11 = ROOT / "tests" / "fixtures" / "boilerplate_holdout11"
HOLDOUT12 = ROOT / "tests" / "fixtures" / "boilerplate_holdout12"
HOLDOUT13 = ROOT / "tests" / "fixtures" / "boilerplate_holdout13"
HOLDOUT14 = ROOT / "tests" / "fixtures" / "boilerplate_holdout14"
HOLDOUT15 = ROOT / "tests" / "fixtures" / "boilerplate_holdout15"
HOLDOUT16 = ROOT / "tests" / "fixtures" / "boilerplate_holdout16"
HOLDOUT17 = ROOT / "tests" / "fixtures" / "boilerplate_holdout17"
HOLDOUT18 = ROOT / "tests" / "fixtures" / "boilerplate_holdout18"
HOLDOUT19 = ROOT / "tests" / "fixtures" / "boilerplate_holdout19"
# The bar the classifier must clear on the hand-labelled fixtures, per label.
MIN_PRECISION = 0.9
MIN_RECALL = 0.9
MIN_ROLE_ACCURACY = 0.9


def label_texts(texts: dict[str, str], furniture=frozenset()) -> pd.DataFrame:
    return B.label_lines(C.parse_texts(texts)["lines"], furniture)


def row_name(line: str):
    pattern = B.match_pattern(" ".join(T.normalize(line).split()))
    return pattern.name if pattern else None


# ---------------------------------------------------------------- the pattern table

@pytest.mark.parametrize("pattern", P.BOILERPLATE_PATTERNS, ids=lambda p: p.name)
def test_every_row_matches_its_example(pattern):
    assert pattern.label in B.LABELS and pattern.role in B.ROLES[pattern.label]
    assert P.match_line(T.normalize(pattern.example)) is not None
    assert row_name(pattern.example) is not None


@pytest.mark.parametrize("line, expected", [
    ("Posted by Digital Rights Norway staff", "byline"),
    ("Home » Campaigns » Location data", "breadcrumb"),
    # cruft the seeds carry
    ("(Reporting by Brenda Goh; Editing by Sharon Singleton)", "wire_credit"),
    ("Related Articles", "related_header"),
    ("Leave a Reply", "comment_form"),
    ("Your email address will not be published. Required fields are marked *", "comment_form_fields"),
    ("Back to top button", "navigation"),
    ("See also\u00a0 Foreign Affairs Minister Mélanie Joly met Chinese counterpart in Beijing", "related_link"),
    ("Photo by Pawel Czerwinski on Unsplash", "photo_credit"),
    ("Reading time: 2 min", "reading_time"),
    ("In a rush? Here are the quick facts:", "summary_label"),
    ("Did you like this article? Rate it!", "rate_this"),
    ("0 Voted by 0 users", "vote_count"),
    (" date 2025-07-07 A Chinese flag hangs near a Hikvision security camera outside of a shop in Beijing on "
     "Oct. 8, 2019. (AP Photo/Mark Schiefelbein)", "caption_with_credit"),
    # cruft of other sites
    ("By Jane Doe and John Roe, Reuters | July 7, 2025", "byline"),
    ("June 28, 2025 10:47 PM UTC Updated ago", "dateline"),   # Reuters, its "3 min" lost in the scrape
    ("Last modified on Mon 30 Jun 2025 11.02 BST", "dateline"),
    ("Editor's note: An earlier version of this article misstated the year of the U.S. ban.", "correction_note"),
    ("Correction: A previous version of this story gave the wrong date for the order.", "correction_note"),
    ("First published at 10:32 a.m. EDT", "dateline"),
    ("Published July 7, 2025 10:32 a.m. EDT", "dateline"),
    ("Published July 4, 2025 at 12:17 a.m. ET", "dateline"),  # two-letter zones: ET, PT
    ("Updated 14:05 UTC, 8 July 2025", "dateline"),
    ("Posted Jul 8, 2025 9:00 PM (PT)", "dateline"),
    ("Updated 2 hours ago", "dateline"),
    ("Posted on March 3, 2025 by Greta Lindqvist", "dateline"),
    ("5 min read", "reading_time"),
    ("Share on Facebook Share on X Email", "share_bar"),
    ("Home > News > Environment", "breadcrumb"),
    ("Tags: budget, council, library", "tags"),
    ("We use cookies to personalise content and ads. By continuing to browse, you agree to our use of cookies.",
     "cookie_notice"),
    ("Story continues below advertisement", "advertisement"),
    ("Get the Ledger's morning briefing delivered to your inbox.", "newsletter_prompt"),
    ("© 2025 Harbour Ledger Media Inc. All rights reserved.", "copyright_footer"),
    ("Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, "
     "rewritten or redistributed without permission.", "wire_credit"),
    ("Associated Press writer Tom Odhiambo in Nyeri contributed to this report.", "contributor_note"),
    ("Dredgers idle at the north quay on Tuesday. (Harbour Ledger photo/Ken Aldous)", "caption_with_credit"),
    ("Photo: Lena Hart/Getty Images", "photo_credit"),
    ("Read more: How to prepare an evacuation kit", "related_link"),
    ("3 Comments", "comment_form"),
    ("* * *", "separator"),
    # cruft of syndication portals, broadcasters, newsletters and press releases
    ("Story continues", "advertisement"),
    ("Article continues after this ad", "advertisement"),
    ("Duration 2:31", "advertisement"),
    ("Video duration: 1:02:15", "advertisement"),
    ("TRENDING: Man arrested after police chase through downtown Grand Falls", "related_link"),
    ("Don't miss: Five things to know before the budget vote", "related_link"),
    ("Related stories: Council delays vote on fire stations", "related_link"),
    ("Thanks for reading The Transit Ledger! Subscribe for free to receive new posts and support my work.",
     "newsletter_prompt"),
    ("By subscribing, I agree to the Terms of Use and acknowledge the Privacy Policy.", "newsletter_prompt"),
    ("Correction, Nov. 7, 2025: An earlier version of this article misstated the number of nursing positions cut.",
     "correction_note"),
    ("An earlier version of this story gave the wrong date for the vote.", "correction_note"),
    ("Caption: The remains of the water treatment plant are seen in September.", "caption_label"),
    ("The remains of the water treatment plant are seen in September. (Submitted by Town of Lac-Brûlé)",
     "caption_with_credit"),
    ("Volunteers fill sandbags on Main Street. (Courtesy of Ana Ruiz)", "caption_with_credit"),
    ("About Halvorsen Biotech", "about_issuer"),
    ("Forward-Looking Statements", "about_issuer"),
    ("About us", "navigation"),
    # prose that must NOT be taken for cruft (first row wins, so None means no row at all)
    ("By Monday, the company had resumed operations.", None),
    ("The EU's privacy rules require websites to ask before they store cookies on a reader's computer.", None),
    ("Copyright law in Canada protects software for 50 years after the author's death.", None),
    ("The company said in its quarterly report that sales rose 4%.", None),
    ("SHANGHAI (Reuters) -Chinese surveillance camera manufacturer Hikvision said on Monday it was challenging "
     "an order the Canadian government issued last month.", None),
    ("Hikvision: Firmly Oppose", None),
    ("Canada orders China’s Hikvision to shut down operations in Canada", None),
    ("“We will appeal,” the company said in a photo caption posted online.", None),
    ("Canada / China tensions rise", None),
    ("The fishermen said more stories like this one would follow.", None),
    ("The story continues to develop, police said.", None),
    ("About 200 homes were evacuated on Monday.", None),
    ("Trending topics on the app included the fire and the election.", None),
    ("The newsletter's readers can subscribe for free, the founder said, but few pay.", None),
    ("A previous version of the bill would have closed four stations.", None),
    ("Minister Chiara Park told reporters.", None),
    ("Advertisement 2", "advertisement"),
    ("This advertisement has not loaded yet, but your article continues below.", "advertisement"),
    ("Thanks for signing up!", "newsletter_prompt"),
    ("The ad campaign cost 2 million dollars, the company said.", None),
    ("Thanks for signing up as a volunteer, the mayor told the crowd.", None),
    ("Download speeds on the new network doubled, the company said.", None),
    ("Unsubscribed readers cost the paper $2 million, the publisher said.", None),
    ("Contact tracing resumed on Monday.", None),
    # the outlet's own notes to the reader, and the story's appeals that are not
    ("If you or a loved one is struggling, call or text 988.", "helpline_note"),
    ("If you are struggling with your mental health, Samaritans can be contacted on 116 123.", "helpline_note"),
    ("Got a tip? Send it to tips@example.com", "tip_request"),
    ("Anyone with information is asked to contact police on 101.", None),
    ("Do you have information about the fire? Police want to hear from you, a spokesperson said.", None),
    ("If you are affected by the outage, contact your provider, the regulator said.", None),
    ("If you or your business uses the software, update it now, the agency said.", None),
    ("Click here to share on social media", "share_bar"),
    ("By technology reporter Mei Hartley", "byline"),
    ("By the time reporters arrived, Police had left", None),
    ("This story appears in the Wednesday, Oct. 15 print edition of The Millbrook Gazette.", "print_note"),
    ("Programming note: There will be no Thursday issue this week; I'm at a conference.", "print_note"),
    ("The program note was read aloud.", None),
    ("This story is available exclusively to Business Insider subscribers. Become an Insider and start reading now.",
     "paywall"),
    ("The story is available to subscribers and members of the public, the council said.", None),
    ("Voiced by artificial intelligence.", "audio_player"),
    ("Do you work at Lumora or another company using workplace monitoring software? Contact the reporter from a "
     "nonwork device at jdoe@example.com.", "tip_request"),
    ("Do you work at home? Many people do, the survey found.", None),
    ("Updated 3 hrs ago", "dateline"),
    ("Nathan Dunlop/The Globe and Mail", "photo_credit"),
    ("Lila Chen/Vox; Getty Images", "photo_credit"),
    ("Make the most of your experience: download the Le Monde in English app.", "app_promo"),
    ("Join ST's WhatsApp Channel and get the latest news and must-reads.", "app_promo"),
    ("The mayor said residents should join the city's WhatsApp channel for alerts.", None),
    ("Wisconsin Public Radio, © Copyright 2025, Board of Regents of the University of Wisconsin System.",
     "copyright_footer"),
    ("Update, March 5, 2025, 11:30 am ET: This story has been updated to include a statement from the company.",
     "correction_note"),
    ("The company said the software has been updated.", None),
    ("Translation of an original article published in French on lemonde.fr; the publisher may only be liable "
     "for the French version.", "correction_note"),
    ("WPR’s reporting is made possible by listeners like you. Support independent journalism today.", "support_appeal"),
    ("For as little as $6 a month you can help support our quality journalism while enjoying an ad-free experience.",
     "support_appeal"),
    ("We're really pleased that you've read 10 Times of Israel articles in the past month.", "support_appeal"),
    ("Researchers found flaws in three doorbell brands sold for as little as £25 on Amazon.", None),
    ("Readers who donate now get a tote bag, the station said.", None),
    ("The union said members would support the strike.", None),
    ("This story was first featured in the Vox Technology newsletter. Sign up here so you don't miss the next one!",
     "newsletter_prompt"),
    ("Sign up to receive a selection of our best articles in English every morning.", "newsletter_prompt"),
    ("Item 1 of 2 Heat pumps are displayed at a trade fair in Essen, Germany, January 17, 2024. REUTERS/Wolfgang Rattay",
     "caption_label"),
    ("Item 3 of the agenda was deferred, the council said.", None),
    ("share2", "share_bar"),
    # a sixth holdout's pages (The Independent, HKFP, CNA, France 24, Ars Technica, USA Today, the NYT)
    ("Whether $5 or $50, every contribution counts.", "support_appeal"),
    ("Safeguard press freedom; keep HKFP free for all readers by supporting our team", "support_appeal"),
    ("Our mission is to deliver unbiased, fact-based reporting that holds power to account.", "support_appeal"),
    ("Our mission is to stop the merger, the coalition said.", None),
    ("This audio is generated by an AI tool.", "audio_player"),
    ("Read a summary of this article on FAST.", "audio_player"),
    ("Read moreParis Olympics: AI-powered surveillance cameras tested at concerts", "related_link"),
    ("Read moreover the ruling itself, the lawyer said.", None),
    ("Read more from Sky News:", "related_link"),
    ("Further Reading", "related_header"),
    ("The Associated Press is an independent global news organization dedicated to factual reporting.",
     "outlet_blurb"),
    ("HKFP is an impartial platform & does not necessarily share the views of opinion writers or advertisers.",
     "outlet_blurb"),
    ("In a time of both misinformation and too much information, quality journalism is more crucial than ever.",
     "outlet_blurb"),
    ("Acme is a leading maker of industrial robots, the filing said.", None),
    ("Welcome to The Globe and Mail’s comment community. This is a space where subscribers can engage with each "
     "other and Globe staff.", "comment_welcome"),
    ("Please log in to listen to this story.", "paywall"),
    ("Danielle Okafor Follow You must be logged in to follow.", "paywall"),
    ("I would like to be emailed about offers, events and updates from The Independent.", "newsletter_prompt"),
    ("Join ST's Telegram channel and get the latest breaking news delivered to you.", "app_promo"),
    ("Image: Ofcom said the app had no effective way of knowing how old its users were. File pic", "caption_label"),
    ("(Updated: 12 Mar 2025 06:30PM)", "dateline"),
    ("Issued on: 12/03/2025 - 15:20", "dateline"),
    ("Wednesday 12 March 2025 11:49, UK", "dateline"),
    ("AI-assisted summary", "summary_label"),
    ("Please use Chrome browser for a more accessible video player", "browser_notice"),
    ("The browser wars are back, analysts said.", None),
    ("Copyright The Financial Times Limited 2025. All rights reserved.", "copyright_footer"),
    ("Copyright law was the core of the case, the judge said in 2024.", None),
    ("--Editing by Marc Hollis.", "wire_credit"),
    ("With AAP.", "wire_credit"),
    ("With AP, the firm controls half the market.", None),
    ("For a reprint of this article, please contact reprints@law360.com.", "reprint_note"),
    ("For the latest from SBS News, download our app and subscribe to our newsletter.", "app_promo"),
    ("Watch SBS World News every night at 6.30pm on SBS and SBS On Demand.", "app_promo"),
    ("Listen to this story. Enjoy more audio and podcasts on iOS or Android.", "audio_player"),
    ("Madrid - Oct 13, 2025 - 05:40 CEST", "dateline_place"),
    ("October 14, 2025 – Ottawa, Ontario – Public Safety Canada", "dateline_place"),
    ("Published in Dawn, October 12th, 2025", "dateline_place"),
    ("Updated about 4 hours ago", "dateline_place"),
    ("March 3, 2025 - The council voted to end the contract.", None),
    # an eighth holdout's pages (Newsweek, ProPublica, Stuff, The Hill, HuffPost, Rest of World, WalesOnline)
    ("Update 4/2/25, 12:50 p.m. ET: This article was updated with comment from Lumivex.", "correction_note"),
    ("Name suppression: An order prohibiting publication of the name applies.", "correction_note"),
    ("The update was released on Monday, officials said.", None),
    ("Comments are closed on this article.", "comment_form"),
    ("The Hill has removed its comment section, as there are many other forums.", "comment_form"),
    ("Consider supporting HuffPost starting at $2 to help us provide free, quality journalism.", "support_appeal"),
    ("We believe that all of our stories should be free to read, and free to republish.", "support_appeal"),
    ("Do You Have a Tip for ProPublica? Help Us Do Journalism.", "tip_request"),
    ("Join our WalesOnline WhatsApp community for the biggest stories.", "app_promo"),
    ("The Local Democracy Reporting Service is funded by the BBC and covers local authorities.", "outlet_blurb"),
    ("The program is funded by the Department of Education, officials said.", None),
    ("Tags Carla Whitlock-Medina data brokers location data surveillance", "tags"),
    ("dana.ruiz@propublica.org", "contact_address"),
    ("Dana Kerr, Getty Images", "photo_credit"),
    ("(PA Wire)", "photo_credit"),
    ("Eliot Brandt for The New York Times", "photo_credit"),
    ("Reuters", None),
    ("Contributing: Darnell Price, Chicago Tribune", "wire_credit"),
    ("Marisa Holloway reported from Washington, and Jonah Feld from San Francisco.", "wire_credit"),
    ("Contact Melanie Ortiz at mortiz@usatoday.com or follow her on X @melortiz.", "contact_line"),
    ("Contact tracers at the clinic said the outbreak was over.", None),
    # cruft of pages seen later (a stress test of 14 outlets)
    ("Rachelle Younglai Real estate reporter", "byline_with_title"),
    ("Bryce Hoye · CBC News ·", "byline_separated"),
    ("Posted: Jul 01, 2025 4:00 AM CDT | Last Updated: 3 hours ago", "dateline"),
    ("0:00 / 2:31", "video_player"),
    ("Read more Subscribers only In France, the Socialists split over pension reform", "related_link"),
    ("The Guardian - Back to home", "navigation"),
    ("Investor Contact:", "media_contact"),
    ("Image caption, A 30m section of the wall gave way during a high tide", "caption_label"),
    ("Mark Henle/The Republic", "photo_credit"),
    ("Updated - March 14, 2024 10:32 pm IST - CHENNAI", "dateline_labelled"),
    ("(Updates with analyst comment in sixth paragraph.)", "update_note"),
    ("NEWYou can now listen to Fox News articles!", "audio_player"),
    ("Go deeper: Oregon's nurse staffing law takes effect", "related_link"),
    ("The mayor's data showed a 12% rise; the chart was published on Monday.", None),
    ("Canoeists paddle on the lake above the dam on March 9. (Matt McClain/The Washington Post)",
     "caption_with_credit"),
    ("The vote was 5-4 (Smith/Jones dissenting).", None),
    ("Updates to the bylaw take effect in May, the council said.", None),
    # a ninth holdout's pages (The Scotsman, Irish Examiner, Winnipeg Free Press, Jakarta Post, Inquirer, Mail &
    # Guardian, RFA, The Markup, MSN, a city police release)
    ("Hide Ad", "advertisement"),
    ("Support The Scotsman", "support_short"),
    ("Support the union's members", None),
    ("Did you know with a Digital Subscription to The Scotsman, you can get unlimited access to the website.",
     "support_appeal"),
    ("For less than the price of a cup of coffee a week, you can help keep it independent.", "support_appeal"),
    ("Your donation keeps our investigations free for everyone.", "support_appeal"),
    ("Subscribe to INQUIRER PLUS to get access to The Philippine Daily Inquirer & other 70+ titles.", "support_appeal"),
    ("Don't miss out on the latest news and information.", "support_appeal"),
    ("Sign up to the best reads of the week from irishexaminer.com selected just for you.", "newsletter_prompt"),
    ("Read this article for free:", "paywall"),
    ("Already have an account? Log in here »", "paywall"),
    ("To continue reading, please subscribe:", "paywall"),
    ("$1 per week for 24 weeks*", "paywall"),
    ("*Billed as $4.00 plus GST every four weeks. Offer available to new and qualified returning subscribers only.",
     "paywall"),
    ("The plan costs $1 per week more than the old one, the minister said.", None),
    ("Related video: China vows response as US widens chip curbs", "related_link"),
    ("Updated at 5:40 p.m. ET on March 13, 2025 to include comment from the Chinese Embassy.", "correction_note"),
    ("Prices were updated on Monday to include the new tax, the retailer said.", None),
    ("For feedback, complaints, or inquiries, contact us.", "contact_line"),
    ("About the Tempe Police Department: The department serves more than 180,000 residents.", "about_issuer_inline"),
    ("About the plan: officials said it would take years.", None),
    ("Jakarta ● Mon, March 10, 2025", "dateline_place"),
    ("Jakarta - March 10, 2025", "dateline_place"),
    # a tenth holdout's pages (Times of Malta, Hindustan Times, Daily Maverick, The Register, ABC, Euractiv, Haaretz,
    # KQED, WRAL, Premium Times)
    ("Independent journalism costs money. Support Times of Malta for the price of a coffee.", "support_appeal"),
    ("Haaretz subscribers get unlimited access to in-depth reporting. Subscribe now for just $1 for the first month.",
     "support_appeal"),
    ("Support PREMIUM TIMES' journalism of integrity and credibility", "support_appeal"),
    ("Your support will help us maintain our independence.", "support_appeal"),
    ("Make a donation", "support_appeal"),
    ("Your support helped the team reach the final, the coach said.", None),
    ("(With inputs from PTI)", "wire_credit"),
    ("Applicants uploaded payslips and bank statements to the app. (ABC News: Danielle Kwok)",
     "caption_with_bracket_credit"),
    ("Officials of the IT ministry brief reporters on the rules in New Delhi on Wednesday. (PTI)",
     "caption_with_bracket_credit"),
    ("Encrypted services would be excluded from detection orders. [Shutterstock/Mika Lindqvist]",
     "caption_with_bracket_credit"),
    ("The council approved the plan (see the full text here).", None),
    ("Updated to add at 1510 UTC, March 12:", "correction_note"),
    ("In short:", "summary_label"),
    ("Read more with Euractiv", "related_link"),
    ("Click the alert icon to follow topics:", "follow_topics"),
    ("TEXT AD: Solar inverters for home and office - free installation in Abuja and Lagos.", "ad_label"),
    ("- Wake County Public School System (@WCPSS) March 12, 2025", "social_embed"),
    ("@DRCollectiveIN", "social_embed"),
    ("1.2K Reposts 3.4K Likes", "social_embed"),
    ("Get Latest India News along with Latest News and Top Headlines from India and around the world.",
     "latest_news_promo"),
    # an eleventh holdout's pages (Gulf News, The EastAfrican, VnExpress, Rappler, The Local, Toronto Sun, Nextgov,
    # Oxford Mail, Deccan Herald, a university news release)
    ("Get the latest news updates on the go — follow Gulf News on WhatsApp channels.", "app_promo"),
    ("Trucks queue at the Malaba border post between Kenya and Uganda on March 3, 2025. PHOTO | FILE | NMG",
     "caption_with_bracket_credit"),
    ("WATCHING. A CCTV camera mounted on a lamppost along Commonwealth Avenue. Jire Almonte/Rappler",
     "caption_with_bracket_credit"),
    ("Dr. Nadia Rahimi and Felix Ostrowski with some of the televisions tested. (University of Waterloo)",
     "caption_with_bracket_credit"),
    ("The vote passed 5-4. Council members Ann Lee/Bob Roe dissented in a statement.", None),
    ("Summarize this article", "summary_label"),
    ("This is AI generated summarization, which may have errors. For context, always refer to the full article.",
     "correction_note"),
    ("How does this make you feel?", "rate_this"),
    ("Subscribe now to read the latest news in your city and across Canada.", "paywall"),
    ("REGISTER / SIGN IN TO UNLOCK MORE ARTICLES", "paywall"),
    ("Create an account or sign in to continue with your reading experience.", "paywall"),
    ("Don't have an account? Create Account", "paywall"),
    ("Lena Ortiz @lenaortiz_sec", "social_embed"),
    ("Meera Pillai (@meerapillai_mp)", "social_embed"),
    ("Comments: Our rules", "comment_welcome"),
    ("This website and associated newspapers adhere to the Independent Press Standards Organisation's Editors' "
     "Code of Practice.", "disclaimer"),
    ("Oxford Mail is part of Newsquest Media Group Ltd. Registered in England & Wales.", "disclaimer"),
    ("Attention broadcasters", "disclaimer"),
    ("About the University of Waterloo", "about_issuer"),
    ("University of Ottawa provides funding as a member of The Conversation CA.", "disclaimer"),
    ("Naomi Bergeron receives funding from the Social Sciences and Humanities Research Council of Canada.",
     "disclaimer"),
    ("The clinic receives funding from the province, its director said.", None),
    # a twelfth holdout's pages (Taipei Times, Moscow Times, Manchester Evening News, StateScoop, Brussels Times,
    # Nation, Yonhap, Ottawa Citizen, Irish Independent live blog, Swissinfo)
    ("Comments will be moderated. Keep comments relevant to the article.", "comment_welcome"),
    ("Your support, no matter how small, makes a world of difference. Please support us monthly.", "support_appeal"),
    ("By supporting The Moscow Times, you're defending open, independent journalism.", "support_appeal"),
    ("NEWS ALERTS: Get breaking news from across Greater Manchester sent straight to your phone - sign up here",
     "newsletter_prompt"),
    ("Invalid Email", "newsletter_prompt"),
    ("This file photo shows chip equipment at a plant in Pyeongtaek. (PHOTO NOT FOR SALE) (Yonhap)",
     "caption_with_bracket_credit"),
    ("Software that unlocks phones can be exported only with a licence. Keystone / Anna Wetli",
     "caption_with_bracket_credit"),
    ("Share this Story : OC Transpo quietly began recording audio on buses", "share_bar"),
    ("Get exclusive access to the Ottawa Citizen ePaper, an electronic replica of the print edition.", "paywall"),
    ("Transport for Ireland @TFIupdates · Follow", "social_embed"),
    ("Read 212 replies", "social_embed"),
    ("Powered by text-to-speech", "audio_player"),
    ("In compliance with the JTI standards", "disclaimer"),
    # form states, subscription promos, comment prompts, share bars and reading times in other wordings
    ("Submitting...", "newsletter_prompt"),
    ("Sorry, there seem to be some issues. Please try again later.", "newsletter_prompt"),
    ("Unlimited Digital Access: $1 for 4 weeks", "support_appeal"),
    ("Get unlimited access to Premium journalism from the Herald's award-winning team.", "support_appeal"),
    ("Want to join the conversation? Please or to comment on this article.", "comment_form"),
    ("Discussion closed – no more comments can be posted for this article.", "comment_form"),
    ("Comments Policy", "comment_form"),
    ("Share this item with your network:", "share_bar"),
    ("5 mins to read", "reading_time"),
    # a copyright notice without "Copyright", a rating question, a bracketed opinion disclaimer, a report's sources,
    # a newsletter plug that ends "Sign up here", a photographer "via" an agency, an agency before its photographer
    ("All rights reserved. This material, and other digital content on this website, may not be reproduced, "
     "published, broadcast, rewritten or redistributed in whole or in part without prior express written "
     "permission from PUNCH.", "wire_credit"),
    ("Did you find this article useful?", "rate_this"),
    ("(The views expressed in this article are the author’s own and do not necessarily reflect the paper’s "
     "editorial policy.)", "disclaimer"),
    ("With reports from El Economista and Expansión", "wire_credit"),
    ("Get weekly news and analysis on the tech industry with our Tech Stack newsletter. Sign up here.",
     "newsletter_prompt"),
    ("Nikolai Vasquez via Getty Images", "photo_credit"),
    ("A worker inspects a wafer-handling robot at a factory in Taichung, Taiwan, March 4, 2025. "
     "REUTERS/Kuo Ming-han/File Photo", "caption_with_credit"),
    ("Read more on seagulls", "related_header"),
    # an embedded post's account line with its age or date, a gallery's controls and title, an author's
    # contact, an offer and a log-in prompt
    ("PSNI (@PoliceServiceNI) · 2h", "social_embed"),
    ("The National Weather Service in Mount Holly, NJ (@NWS_MountHolly)", "social_embed"),
    ("Dr Khalid Al Shamsi (@DrKhalidAS) · Mar 4", "social_embed"),
    ("1 of 18", "navigation"),
    ("View full gallery", "navigation"),
    ("PHOTOS: Tornado damage in Hunterdon County", "related_link"),
    ("Contact Tomás Reyes: treyes@freepress.com. Follow him on X @tomasreyes_dfp.", "contact_line"),
    ("Limited time offer: $1 for 6 months. Subscribe now.", "support_appeal"),
    ("Log in, register or subscribe to save articles for later.", "support_appeal"),
    # a writer with the outlet and no "By", a byline ending in a handle; a text-size control; a gift offer
    ("Ellen Marsh, The Daily Herald (Everett, Wash.)", "byline_outlet"),
    ("Ardi Wicaksono (The Jakarta Post)", "byline_outlet"),
    ("By: Kristine Joy Sabado - Reporter / @kjsabadoINQ", "byline"),
    ("Change Size", "navigation"),
    ("Gift Premium Articles to Anyone", "share_bar"),
    ("Follow SBS News", "navigation"),
    ("Short Url", "share_bar"),
    # a share button's screen-reader note, a newsletter plug by "signing up", a form field, a place before an
    # "Updated:" stamp, an automated voice's note, a comment section's rules, a related list's header
    ("Click to email a link to a friend (Opens in new window)", "share_bar"),
    ("Get more Denver news by signing up for our Mile High Roundup newsletter.", "newsletter_prompt"),
    ("Enter email", "newsletter_prompt"),
    ("New Delhi | Updated: August 12, 2025 19:05 IST", "dateline_place"),
    ("This is read by an automated voice. Please report any issues or inconsistencies here.", "audio_player"),
    ("Users with a Yle ID can leave comments on our news stories. Our guidelines on commenting and moderation "
     "are explained here.", "comment_form_fields"),
    ("More to Read", "related_header"),
    # a byline with an e-mail address between bars, stamps opened by "On" or "Originally Published", a wire's
    # stamp with its section after a bar, a wire's sign-off
    ("By Marisol Quintana-Reyes | mquintana-reyes@denverpost.com | The Denver Post", "byline"),
    ("On July 22, 2025 7:45 am", "dateline"),
    ("Originally Published: July 15, 2025 at 12:41 PM MDT", "dateline"),
    ("KYODO NEWS - Sep 9, 2025 - 19:27 | Business, All", "dateline_place"),
    ("==Kyodo", "wire_signoff"),
    # an audio player's controls, appeals for support, "Editor's Choice", a stamp with the station after a slash,
    # CBS's "In:" tags, a cookie settings button
    ("Listen instead", "audio_player"),
    ("Only have a minute? Listen instead", "audio_player"),
    ("Teodoro Alvarado talvarado@miamiherald.com", "name_with_address"),
    ("Take Us With You", "app_promo"),
    ("License Photo", "navigation"),
    ("Our reporting is free for everyone because readers like you choose to support it. Please consider becoming a "
     "member today. Every contribution, big or small, helps keep our reporters in the field.", "support_appeal"),
    ("Thank you for donating to DutchNews.nl.", "support_appeal"),
    ("We could not provide this service without the generous financial support of our readers. Your donations allow "
     "us to report on issues you tell us matter.", "support_appeal"),
    ("Buy this photo", "navigation"),
    ("Real-time updates and all local stories you want right in the palm of your hand.", "app_promo"),
    ("Powered by Trinity Audio", "audio_player"),
    ("Support my work with a digital subscription", "support_appeal"),
    ("DutchNews.nl depends on donations from readers like you.", "support_appeal"),
    ("Editor's Choice", "related_header"),
    ("Updated on: February 3, 2025 / 6:41 PM CST / CBS Minnesota", "dateline"),
    ("In: Minnesota", "tags"),
    ("Cookies Settings", "consent_button"),
    # a press release's notes to editors, a correction's "This article was amended on", a tip request, a sponsor's
    # whitepaper or webinar
    ("Notes to editors", "notes_to_editors"),
    ("Editor's notes", "notes_to_editors"),
    ("This article was amended on 14 May 2025 to correct the name of the river.", "correction_note"),
    ("Do you have a story for The Sun news desk?", "tip_request"),
    ("Whitepaper: Building Cyber Resilience for Local Government", "sponsor"),
    # credits closing a caption: the agency first in brackets, "Photography by:", a site's domain, a pipe, a
    # copyright sign
    ("Passengers board the first train at Changning Station on Dec. 28, 2025. (Xinhua/Zhang Bowen)",
     "caption_with_credit"),
    ("Workers at a rolling mill in Campana. Photography by: NA / Juan Vargas", "caption_with_credit"),
    ("Dluga Street in the Main Town. Credit: Wojciech Strozyk / Agencja Wyborcza.pl", "caption_with_credit"),
    ("The senator has pushed for stricter work requirements. | Francis Chung/POLITICO", "caption_with_bracket_credit"),
    ("A camera at a test site near Paris, on March 6, 2024. © Léa Marchand, AFP", "caption_with_bracket_credit"),
    # credits alone: in German, the source first in brackets, the main image's
    ("Foto: Julia Ostermann / DER SPIEGEL", "photo_credit"),
    ("(JP/Rahmat Hidayat)", "photo_credit"),
    ("Main image credit: Wojciech Strozyk / Agencja Wyborcza.pl", "photo_credit"),
    # a writer's job on a line of its own, beside the byline
    ("Courts reporter", "job_title"),
    ("Staff Reporter, Nextgov/FCW", "job_title"),
    ("Technology reporter @tomashdown", "job_title"),
    ("Editor: huaxia", "job_title"),
    ("WRITER: Chalida Pongsri", "job_title"),
    ("Written by", "job_title"),
    ("Contributor", "job_title"),
    # notes on how the story was made: its quotes translated, a prosecutor's legal caution
    ("Interviews for this article were conducted in Portuguese; quotes have been translated by The Brazilian Report.",
     "translation_note"),
    ("Quotes from Polish have been translated by Notes from Poland.", "translation_note"),
    ("This article was originally written in Korean and translated by a bilingual reporter.", "translation_note"),
    ("An indictment is merely an allegation. All defendants are presumed innocent until proven guilty.",
     "translation_note"),
    # the outlet's appeals and offers, addressed to the reader
    ("Support us to deliver journalism without an agenda.", "support_appeal"),
    ("Our newsroom depends on a growing audience of readers to power our journalism.", "support_appeal"),
    ("That's why we started the paper - to provide discerning readers like you with must-read coverage.",
     "support_appeal"),
    ("Donate", "support_short"),
    ("Get our best stories on technology outside the West, every Friday.", "reader_promo"),
    ("Get your news on the go.", "reader_promo"),
    ("Catch up on our coverage of the region, all in one place.", "reader_promo"),
    ("Unlock the Editor's Digest for free", "reader_promo"),
    ("Subscribe to The Bulletin to get all the day's key news stories in five minutes.", "reader_promo"),
    ("Every week on our podcast, we talk to experts about the stories shaping Poland. Listen now.", "reader_promo"),
    ("On the latest episode of the Infosecurity Magazine Podcast, we ask how attackers got in.", "reader_promo"),
    ("Stay informed with the latest cybersecurity news, insights and events.", "latest_news_promo"),
    ("Keep up with the latest cybersecurity threats, delivered daily or weekly.", "latest_news_promo"),
    ("Stay up to date with in-depth local news on what's happening in the Seattle area.", "latest_news_promo"),
    ("Roula Khalaf, Editor of the FT, selects her favourite stories in this weekly newsletter.", "newsletter_prompt"),
    ("The Reuters Tariff Watch newsletter is your daily guide to the latest global trade and tariff news. Sign up here.",
     "newsletter_prompt"),
])
def test_pattern_table_before_after(line, expected):
    assert row_name(line) == expected


@pytest.mark.parametrize("line", [
    "Today's Paper | October 12, 2025",   # a paper's link, not a stamp: "|" before a date needs "Updated:"
    "The council said residents may post comments on our website until Friday.",
    "The statement was read by an official.",
    "On Monday the council voted.",
    "In: 2024, the council voted.",
    "The museum depends on donations from visitors.",
    "Support our troops, the mayor said.",
    # the story's own sentences near the rows for notes and promos
    "He said the quotes were translated badly by the ministry, which denied it.",
    "The indictment is only the first step, prosecutors said.",
    "He is presumed innocent until proven guilty.",
    "Get your flu shot at a pharmacy before the winter.",
    "Residents should stay informed about road closures, the council said.",
    "Support us, the strikers told passing drivers.",
])
def test_lines_near_the_new_rows_match_none_of_them(line):   # a guard: passes before and after
    assert row_name(line) not in ("dateline_place", "comment_form_fields", "audio_player", "tags", "support_appeal",
                                  "translation_note", "reader_promo", "latest_news_promo")


@pytest.mark.parametrize("line", ["Kyiv Under Fire, Again", "Jane Doe, Mother of Three", "Boris Johnson (Again)"])
def test_a_name_with_a_title_case_tail_is_no_byline_without_an_outlets_word(line):
    assert row_name(line) != "byline_outlet"


def test_fast_matcher_agrees_with_the_reference_on_every_line():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    fixture_texts, _ = B.read_gold_folder(FIXTURES)
    stress_texts, _ = B.read_gold_folder(STRESS)
    holdout_texts, _ = B.read_gold_folder(HOLDOUT)
    holdout3_texts, _ = B.read_gold_folder(HOLDOUT3)
    holdout4_texts, _ = B.read_gold_folder(HOLDOUT4)
    holdout5_texts, _ = B.read_gold_folder(HOLDOUT5)
    for raw in [*texts.values(), *fixture_texts.values(), *stress_texts.values(), *holdout_texts.values(),
                *holdout3_texts.values(), *holdout4_texts.values(), *holdout5_texts.values()]:
        for line in raw.splitlines():
            s = " ".join(T.normalize(line).split())
            if not s:
                continue
            slow = P.match_line(s)
            fast = B.match_pattern(s)
            assert (slow.name if slow else None) == (fast.name if fast else None), s


def test_fast_matcher_reads_a_row_whose_word_limit_falls_between_two_buckets():
    # 41 words: the newsletter row decides lines of up to 45, the next plain row's limit is 60
    line = ("Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by "
            "outside parties. For more information see our Privacy Policy. We use Google reCaptcha to protect "
            "our website and the Google Privacy Policy and Terms of Service apply.")
    assert len(line.split()) == 41
    assert P.match_line(line).name == B.match_pattern(line).name == "newsletter_prompt"


# ---------------------------------------------------------------- the seeds

@pytest.fixture(scope="module")
def seeds():
    corpus = C.load_corpus(SEEDS, DATA / "articles.csv")
    lines = B.label_lines(corpus.lines, B.furniture(corpus.texts))
    return corpus, lines


def _seed_line(lines, prefix: str, text_start: str) -> pd.Series:
    rows = lines[lines["article_id"].str.startswith(prefix)
                 & lines["text"].str.strip().str.startswith(text_start)]
    assert len(rows) >= 1, text_start
    return rows.iloc[0]


@pytest.mark.parametrize("prefix, text_start, label, role", [
    ("000", "USA Trending News", "metadata", "masthead"),
    ("000", "China’s Hikvision says", "content", "headline"),
    ("000", "SHANGHAI (Reuters) -Chinese", "content", "body"),
    ("000", "(Reporting by Brenda Goh", "metadata", "credit"),
    ("000", "Related Articles", "boilerplate", "related"),
    ("000", "Leave a Reply", "boilerplate", "comments"),
    ("000", "Your email address", "boilerplate", "comments"),
    ("000", "Back to top button", "boilerplate", "navigation"),
    ("001", "Politics", "metadata", "section"),
    ("001", "Canada orders China’s Hikvision to close", "content", "headline"),
    ("001", "See also", "boilerplate", "related"),
    ("001", "Back to top button", "boilerplate", "navigation"),
    ("002", "date 2025-07-07", "metadata", "caption"),
    ("002", "Chinese tech behemoth", "content", "body"),
    ("003", "Photo by Pawel", "metadata", "photo_credit"),
    ("003", "Reading time: 2 min", "metadata", "reading_time"),
    ("003", "In a rush?", "boilerplate", "summary_label"),
    ("003", "• Canada ordered Hikvision", "content", "summary"),
    ("003", "• Hikvision said it", "content", "summary"),
    ("003", "Did you like this article?", "boilerplate", "rating_widget"),
    ("003", "I hated it", "boilerplate", "rating_widget"),
    ("003", "Comment", "boilerplate", "rating_widget"),
    ("003", "Thanks for your feedback", "boilerplate", "rating_widget"),
    ("004", "Canada orders China’s Hikvision to shut down", "content", "headline"),
    ("004", "Hikvision’s continued operations in Canada would be", "content", "subhead"),
    ("004", "Hikvision: Firmly Oppose", "content", "subhead"),
    ("004", "Hikvision equipment is accused", "content", "subhead"),
    ("004", "Joly added that the order", "content", "body"),
])
def test_seed_lines(seeds, prefix, text_start, label, role):
    _, lines = seeds
    row = _seed_line(lines, prefix, text_start)
    assert (row["label"], row["role"]) == (label, role), row["reason"]
    assert row["reason"]


def test_seed_003_title_repeated_over_the_story_is_the_headline(seeds):
    """The page title, then the headline again over the story: the copy over the story is the headline, as every
    blind-labelled page set with such a pair has it (26 pages in boilerplate_holdout4 to boilerplate_holdout13)."""
    _, lines = seeds
    rows = lines[lines["article_id"].str.startswith("003")
                 & lines["text"].str.startswith("Canada Orders Chinese Surveillance")].sort_values("line")
    assert rows["role"].tolist() == ["duplicate_headline", "headline"]


def test_seed_002_has_no_headline(seeds):
    _, lines = seeds
    assert not ((lines["article_id"].str.startswith("002")) & (lines["role"] == "headline")).any()


def test_every_nonblank_line_has_exactly_one_valid_label(seeds):
    corpus, lines = seeds
    assert len(lines) == len(corpus.lines)
    assert not lines.duplicated(["article_id", "line"]).any()
    nonblank = lines[~lines["blank"]]
    assert nonblank["label"].isin(B.LABELS).all()
    assert all(role in B.ROLES[label] for label, role in zip(nonblank["label"], nonblank["role"]))
    assert (nonblank["reason"].str.len() > 0).all()
    blank = lines[lines["blank"]]
    assert (blank[["label", "role", "reason"]] == "").all().all()


# ---------------------------------------------------------------- whole-document fixtures

@pytest.fixture(scope="module")
def fixtures():
    texts, gold = B.read_gold_folder(FIXTURES)
    return texts, gold, label_texts(texts, B.furniture(texts))


def test_there_are_enough_fixtures(fixtures):
    texts, gold, _ = fixtures
    assert len(texts) >= 6
    assert set(gold.loc[gold["label"] != "", "label"]) == set(B.LABELS)


def test_fixture_precision_and_recall_clear_the_bar(fixtures):
    _, gold, labelled = fixtures
    scores = B.evaluate(labelled, gold).set_index("class")
    for label in B.LABELS:
        assert scores.at[label, "precision"] >= MIN_PRECISION, scores
        assert scores.at[label, "recall"] >= MIN_RECALL, scores
    assert B.role_accuracy(labelled, gold) >= MIN_ROLE_ACCURACY


def test_fixture_conservation(fixtures):
    texts, gold, labelled = fixtures
    assert len(labelled) == len(gold)
    merged = gold.merge(labelled, on=["article_id", "line"], suffixes=("_gold", ""))
    assert ((merged["label_gold"] == "") == (merged["label"] == "")).all()


def test_we_beat_justext_on_the_fixtures(fixtures):
    texts, gold, labelled = fixtures
    lines = C.parse_texts(texts)["lines"]
    baseline = B.justext_baseline(lines)
    assert len(baseline) == int((~lines["blank"]).sum())
    assert set(baseline["justext_label"]) <= {"content", "noise"}
    comparison = B.compare_with_justext(lines, labelled, gold)
    assert comparison.at[("ours", "content"), "f1"] > comparison.at[("jusText", "content"), "f1"]


# Each hand-labelled set of pages and the bar it must keep, below its current score (its README has the
# first-run numbers and what was fixed since): pages, share of lines right, then recall and precision of
# the story text (content: the article's own text kept, little cruft let in) and of the boilerplate.
PAGE_SET_BARS = {
    STRESS: (14, 0.9, 0.93, 0.9, 0.93, 0.93),
    HOLDOUT: (12, 0.9, 0.93, 0.9, 0.93, 0.93),
    HOLDOUT3: (12, 0.9, 0.93, 0.9, 0.93, 0.93),
    HOLDOUT4: (12, 0.89, 0.88, 0.86, 0.94, 0.9),     # untuned: 89.1% of lines, content R 0.85 P 0.87
    HOLDOUT5: (12, 0.88, 0.95, 0.77, 0.9, 0.93),     # untuned: 85.9%, content R 0.97 P 0.68
    HOLDOUT6: (12, 0.92, 0.96, 0.86, 0.94, 0.94),    # untuned: 91.2%, content R 0.98 P 0.82
    HOLDOUT7: (12, 0.9, 0.92, 0.88, 0.94, 0.91),     # first run 90.0%, content R 0.93 P 0.85; tuned on since
    HOLDOUT8: (12, 0.88, 0.94, 0.84, 0.92, 0.92),    # first run 88.5%, content R 0.96 P 0.80; tuned on since
    HOLDOUT9: (10, 0.85, 0.94, 0.77, 0.9, 0.88),     # first run 86.8%, content R 0.96 P 0.80; tuned on since
    HOLDOUT10: (10, 0.86, 0.97, 0.79, 0.87, 0.9),    # first run 87.6%, content R 0.99 P 0.82; tuned on since
    HOLDOUT11: (10, 0.85, 0.9, 0.76, 0.88, 0.89),    # first run 87.2%, content R 0.92 P 0.79; tuned on since
    HOLDOUT12: (10, 0.88, 0.92, 0.85, 0.92, 0.89),   # first run 90.0%, content R 0.94 P 0.88; tuned on since
    HOLDOUT13: (10, 0.85, 0.89, 0.86, 0.91, 0.86),   # first run 87.6%, content R 0.91 P 0.89; tuned on since
    HOLDOUT14: (10, 0.89, 0.95, 0.84, 0.89, 0.93),   # first run 88.0%, content R 0.97 P 0.81; tuned on since
    HOLDOUT15: (10, 0.88, 0.97, 0.86, 0.95, 0.87),   # first run 89.9%, content R 0.99 P 0.89; tuned on since
    HOLDOUT16: (10, 0.92, 0.97, 0.91, 0.94, 0.92),   # first run 91.1%, content R 1.00 P 0.88; tuned on since (93.9%)
    HOLDOUT17: (10, 0.93, 0.95, 0.94, 0.98, 0.92),   # first run 85.8%, content R 0.83 P 0.86; tuned on since (94.4%)
    HOLDOUT18: (10, 0.87, 0.92, 0.86, 0.93, 0.86),   # first run 88.5%, content R 0.93 P 0.88; tuned on since
    HOLDOUT19: (10, 0.87, 0.97, 0.9, 0.96, 0.83),    # untuned: 87.7%, content R 0.98 P 0.92
}


@pytest.mark.parametrize("folder", list(PAGE_SET_BARS), ids=lambda folder: folder.name)
def test_page_sets_keep_their_bar(folder):
    n_pages, lines, content_recall, content_precision, boilerplate_recall, boilerplate_precision = PAGE_SET_BARS[folder]
    score = B.score_page_set(folder)
    assert score["pages"] == n_pages
    assert score["lines_right"] >= lines, score
    assert score["content_recall"] >= content_recall, score
    assert score["content_precision"] >= content_precision, score
    assert score["boilerplate_recall"] >= boilerplate_recall, score
    assert score["boilerplate_precision"] >= boilerplate_precision, score


def test_score_page_set_counts_by_hand(tmp_path):
    (tmp_path / "a.txt").write_text(
        "headline | Council closes two fire stations\n"
        f"body | {PROSE}\n"
        f"body | {PROSE2}\n"
        "navigation | Home\n", encoding="utf-8")
    score = B.score_page_set(tmp_path)
    labels = label_texts(B.read_gold_folder(tmp_path)[0])["label"].tolist()
    right = sum(got == want for got, want in zip(labels, ["content", "content", "content", "boilerplate"]))
    assert score["pages"] == 1 and score["lines"] == 4 and score["lines_right"] == right / 4


def test_read_gold_rejects_unknown_roles():
    with pytest.raises(ValueError):
        B.read_gold("bodyy | text\n", "x")


# ---------------------------------------------------------------- context rules on small documents

def _labels(raw: str) -> list[tuple[str, str]]:
    lines = label_texts({"a": raw})
    return [(l, r) for l, r in zip(lines["label"], lines["role"]) if l]


PROSE = ("The regional council voted on Tuesday to close two of the town's four fire stations, "
         "a decision that residents said would put lives at risk.")
PROSE2 = ("Council members said the savings were needed to balance the budget after the province "
          "cut its grant to the town by a fifth this year.")


@pytest.mark.parametrize("raw, expected", [
    # a menu, then a headline, then the body; a run of short lines after it is a related list;
    # a section name right above the headline is the story's section even at the end of a menu
    (f"Home\nNews\nSport\nCouncil closes two fire stations\n{PROSE}\n{PROSE2}\n"
     "Mayor resigns after vote\nNew bridge opens downtown\n",
     [("boilerplate", "navigation")] * 2 + [("metadata", "section"), ("content", "headline"), ("content", "body"),
                                            ("content", "body")] + [("boilerplate", "related")] * 2),
    (f"Home\nNews\nSport\nWeather\nLatest\n\nCouncil closes two fire stations\n{PROSE}\n",
     [("boilerplate", "navigation")] * 4 + [("boilerplate", "related"), ("content", "headline"), ("content", "body")]),
    # a short line between two paragraphs is a subhead; a headline printed twice: the copy over the story is the
    # headline, the first (the page title) its duplicate
    (f"Council closes two fire stations\n\nCouncil closes two fire stations\n\n{PROSE}\n\nWhat happens next\n\n{PROSE2}\n",
     [("boilerplate", "duplicate_headline"), ("content", "headline"), ("content", "body"),
      ("content", "subhead"), ("content", "body")]),
    # a bare name after the headline is a byline; a comment section takes everything after it
    (f"Council closes two fire stations\nAnna Reyes\n{PROSE}\n{PROSE2}\nLeave a comment\nJoe Smith\n{PROSE}\nReply\n",
     [("content", "headline"), ("metadata", "byline"), ("content", "body"), ("content", "body")]
     + [("boilerplate", "comments")] * 4),
    # "12 Comments" above the body is a counter, not the start of the comment section
    (f"Council closes two fire stations\n12 Comments\n{PROSE}\n{PROSE2}\n",
     [("content", "headline"), ("boilerplate", "comments"), ("content", "body"), ("content", "body")]),
    # a one-line item: no prose at all
    ("Fire stations to close\n", [("content", "headline")]),
    # symbols only
    ("***\n---\n", [("boilerplate", "other"), ("boilerplate", "other")]),
    # a newsletter's tagline above the headline: the headline is the line the body repeats, and a
    # dense lede with few function words is still body
    ("Morning Brief\nYour five-minute news roundup\nTech: Council closes two fire stations\n"
     "Regional council orders fire station closures across four districts, citing budget cuts and provincial grant reductions.\n"
     f"{PROSE}\nSign up for Morning Brief\n",
     [("metadata", "masthead"), ("boilerplate", "other"), ("content", "headline"), ("content", "body"),
      ("content", "body"), ("boilerplate", "newsletter")]),
    # a standfirst sums up the story; a promotional line between headline and body shares none of its words;
    # a name with where the reporter is is a byline; "Last modified on" a date is a dateline
    (f"Regional council votes to close two of the town's four fire stations\nExclusive news, data and analytics for financial market professionals\n"
     f"Residents say the fire station closures put the town at risk\nAnna Reyes in Halifax\n"
     f"Last modified on Mon 30 Jun 2025 11.02 BST\n{PROSE}\n{PROSE2}\n",
     [("content", "headline"), ("boilerplate", "other"), ("content", "summary"), ("metadata", "byline"),
      ("metadata", "dateline"), ("content", "body"), ("content", "body")]),
    # a deck: the headline-length line right above the best-matching candidate is the headline
    # (CBC, press releases), also when the headline is printed again right above its deck (Substack)
    (f"Regional council shuts fire stations to save money\n"
     f"Residents say closing two of the town's four fire stations puts lives at risk\n{PROSE}\n{PROSE2}\n",
     [("content", "headline"), ("content", "summary"), ("content", "body"), ("content", "body")]),
    (f"Regional council shuts fire stations to save money\nShare\nRegional council shuts fire stations to save money\n"
     f"Residents say closing two of the town's four fire stations puts lives at risk\n{PROSE}\n{PROSE2}\n",
     [("boilerplate", "duplicate_headline"), ("boilerplate", "share"), ("content", "headline"), ("content", "summary"),
      ("content", "body"), ("content", "body")]),
    # ... also with a blank line between them, and when the headline repeats only a fifth of the body's words
    (f"Town braces for longer waits as budget squeeze hits emergency services\n\n"
     f"Residents say closing two of the town's four fire stations puts lives at risk\n\n{PROSE}\n\n{PROSE2}\n",
     [("content", "headline"), ("content", "summary"), ("content", "body"), ("content", "body")]),
    # a standfirst shares the body's words even in the plural ("budgets", "decisions")
    (f"Why the council keeps closing fire stations\nShrinking grants and tight budgets explain the decisions\n"
     f"{PROSE}\n{PROSE2}\n",
     [("content", "headline"), ("content", "summary"), ("content", "body"), ("content", "body")]),
    # BBC pictures: the credit on its own line, then the caption, below the headline or inside the body
    (f"Council closes two fire stations\nGetty Images\nFirefighters at the north station on Monday\n{PROSE}\n"
     f"Reuters photo\nThe town's four stations serve 20,000 people\n{PROSE2}\n",
     [("content", "headline"), ("metadata", "photo_credit"), ("metadata", "caption"), ("content", "body"),
      ("metadata", "photo_credit"), ("metadata", "caption"), ("content", "body")]),
    # a pull quote repeats words of a paragraph: counted once, in the paragraph
    (f"Council closes two fire stations\n{PROSE}\n"
     "\"Closing the stations will put lives at risk, and we will not accept it.\"\n"
     f"{PROSE2}\n\"Closing the stations will put lives at risk, and we will not accept it,\" said fire chief Dale Moss.\n",
     [("content", "headline"), ("content", "body"), ("boilerplate", "other"), ("content", "body"), ("content", "body")]),
    # ... also when the paragraph holding it comes right after it
    (f"Council closes two fire stations\n{PROSE}\n"
     "\"Closing the stations will put lives at risk, and we will not accept it.\"\n"
     "\"Closing the stations will put lives at risk, and we will not accept it,\" said fire chief Dale Moss.\n"
     f"{PROSE2}\n",
     [("content", "headline"), ("content", "body"), ("boilerplate", "other"), ("content", "body"), ("content", "body")]),
    # the author's bio closes the page with the byline's name; another name there is still the story
    (f"Council closes two fire stations\nBy Anna Reyes\n{PROSE}\n{PROSE2}\n"
     "Anna Reyes covers city hall for the Ledger. Reach her at 555-0100.\n",
     [("content", "headline"), ("metadata", "byline"), ("content", "body"), ("content", "body"), ("metadata", "credit")]),
    (f"Council closes two fire stations\nBy Anna Reyes\n{PROSE}\n{PROSE2}\n"
     "Dale Moss, the fire chief, said he would appeal the decision to the province.\n",
     [("content", "headline"), ("metadata", "byline"), ("content", "body"), ("content", "body"), ("content", "body")]),
    # a press release: "About <issuer>" and what follows is the issuer's boilerplate, up to its contacts
    # (metadata, as a byline is: who speaks for the release)
    (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nAbout Harbour Ledger Media\n"
     "Harbour Ledger Media is a news company based in Halifax with more than 200 employees across the province.\n"
     "Media contact:\nJo Fry\njo.fry@harbourledger.example\n",
     [("content", "headline"), ("content", "body"), ("content", "body")] + [("boilerplate", "other")] * 2
     + [("metadata", "credit")] * 3),
    # a wire lede opens with its dateline, a place and an agency in capitals: still the body's first paragraph
    ("Regional council shuts fire stations\nBy Anna Reyes\n"
     "HALIFAX, June 28 (Reuters) - Nova Scotia's Harbour Regional Council on Saturday ordered Halifax Fire "
     "Services to close two stations in the North End following a budget review, Mayor Dale Moss said.\n"
     f"{PROSE}\n{PROSE2}\n",
     [("content", "headline"), ("metadata", "byline"), ("content", "body"), ("content", "body"), ("content", "body")]),
    # a BBC byline below the headline: the name, then the outlet and place, inside a run of short lines
    (f"Council closes two fire stations\n28 June 2025\nShare\nSave\nAnna Reyes\nBBC News, Halifax\n{PROSE}\n{PROSE2}\n",
     [("content", "headline"), ("metadata", "dateline"), ("boilerplate", "share"), ("boilerplate", "share"),
      ("metadata", "byline"), ("metadata", "byline"), ("content", "body"), ("content", "body")]),
    # Reuters' "Summary": unmarked points right below the label are the story's summary
    (f"Council closes two fire stations\nBy Anna Reyes\n\nSummary\nCouncil votes to close two stations\n"
     f"Residents say lives at risk\n\n{PROSE}\n\n{PROSE2}\n",
     [("content", "headline"), ("metadata", "byline"), ("boilerplate", "summary_label"), ("content", "summary"),
      ("content", "summary"), ("content", "body"), ("content", "body")]),
    # a "Read more:" list set close under its header ends at the blank line; the subhead after it, right
    # above the rest of the story, is the story's
    (f"Council closes two fire stations\nBy Anna Reyes\n\n{PROSE}\n\n{PROSE2}\n\n"
     "Response times in the north end will rise by about four minutes, according to the fire chief's own estimate.\n"
     "\nRead more:\nMayor resigns after vote\nNew bridge opens downtown\n\nWhat the closures mean for the town\n\n"
     "The union said the council's decision to close two fire stations would be challenged at the province.\n\n"
     "The council closes the two fire stations in March, and the province has 30 days to respond to the union.\n\n"
     "Residents of the north end plan a public meeting to press the council to keep both fire stations open.\n\n"
     "The council's budget chair said closing the stations would keep property taxes flat for a second year.\n",
     [("content", "headline"), ("metadata", "byline")] + [("content", "body")] * 3 + [("boilerplate", "related")] * 3
     + [("content", "subhead")] + [("content", "body")] * 4),
    # ... also unmarked, one item to a line
    (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nAccording to the union, the closures affect:\n"
     "North End station\nBedford station\nThe training centre\n"
     "Response times in the north end will rise by about four minutes, according to the fire chief's estimate.\n",
     [("content", "headline")] + [("content", "body")] * 7),
    # a list a sentence introduces is that sentence's: the story goes on past it
    (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nThe council will use the savings to:\n"
     "• hire four paramedics\n• buy a second ladder truck\n• repair the south station roof\nNext steps\n"
     "Response times in the north end will rise by about four minutes, according to the fire chief's estimate.\n"
     "The union representing the town's firefighters said it would ask the province to review the decision.\n",
     [("content", "headline")] + [("content", "body")] * 6 + [("content", "subhead")] + [("content", "body")] * 2),
    # the closing lines that say who the reporters are: bios, also without a byline above, and past a
    # "contributed to this report" line; "About the Author" takes the prose set close under it
    (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nLauren Kim contributed to this report.\n"
     "Karina Oduya is a reporter covering local government. She joined the Ledger in 2021.\nFollow\n",
     [("content", "headline"), ("content", "body"), ("content", "body"), ("metadata", "credit"),
      ("metadata", "credit"), ("boilerplate", "navigation")]),
    (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\n\nAbout the Author\n"
     "Priya Lindqvist is a staff writer at the Ledger, where she covers\nwork and technology.\n",
     [("content", "headline"), ("content", "body"), ("content", "body")] + [("metadata", "credit")] * 3),
    # a comment counter in the header opens no comment section: the story below it stays the story
    (f"Council closes two fire stations\nBy Anna Reyes\n112\nView comments\n{PROSE}\n{PROSE2}\n"
     "The union representing the town's firefighters said it would ask the province to review the decision.\n",
     [("content", "headline"), ("metadata", "byline"), ("boilerplate", "other"), ("boilerplate", "comments")]
     + [("content", "body")] * 3),
])
def test_context_rules(raw, expected):
    assert _labels(raw) == expected


def test_a_name_alone_after_the_body_is_a_byline_but_a_footer_link_is_not():
    story = f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nThe choices left to the town are few.\n\n"
    assert _labels(story + "Zack Whittaker\n")[-1] == ("metadata", "byline")
    # "choices" is a word the story writes in lower case: no one's name
    assert _labels(story + "Ad Choices\n")[-1][0] == "boilerplate"
    # nor is a site's own link, whatever the story writes
    for link in ("Cookie Notice", "Customer Center", "Editorial Ethics Policy", "Today's Paper", "Comments Policy"):
        assert _labels(story + link + "\n")[-1][0] == "boilerplate", link


def test_the_copy_of_a_headline_over_the_story_is_the_headline_whichever_the_body_favours():
    # the page title's site name ("Post") is a word of the body's opening: its copy shares more words with it
    stripped = ["Council closes two fire stations | The Town Post", "Home", "News", "Sport", "Weather",
                "Council closes two fire stations",
                "The Town Post has learned the regional council voted on Tuesday to close two of the town's four "
                "fire stations.", PROSE2]
    assert B._pick_headline([0, 5], stripped, 6) == (5, None)


def test_the_story_goes_on_past_a_box_but_not_past_the_comments():
    story = (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\n"
             "Response times in the north end will rise by about four minutes, according to the fire chief.\n"
             "{box}"
             "The union representing the town's firefighters said it would ask the province to review it.\n"
             "Residents of the north end plan a public meeting next week to press the council to reverse it.\n")
    promo = _labels(story.format(box="Ledger Live\nHalifax\nTickets on sale\n|\nOctober 27-29, 2025\n"))
    assert promo[-2:] == [("content", "body")] * 2
    # a "Recommended" box inside the story (National Post sets them between paragraphs) is passed too
    related = _labels(story.format(box="Recommended from Editorial\nMayor resigns\nBridge opens\nNew park\n"))
    assert related[-2:] == [("content", "body")] * 2
    comments = _labels(story.format(box="Leave a comment\nJoe Smith\nMarch 3, 2025\nGreat reporting.\nReply\n"))
    assert [label for label, _ in comments[-2:]] == ["boilerplate"] * 2


def test_short_lines_around_a_separator_inside_the_story_are_one_box():
    story = (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\n"
             "Response times in the north end will rise by about four minutes, according to the fire chief.\n"
             "Ledger Event\nHalifax\n|\nOctober 27-29, 2025\n"
             "The union representing the town's firefighters said it would ask the province to review it.\n"
             "Residents of the north end plan a public meeting next week to press the council to reverse it.\n")
    labels = _labels(story)
    assert [label for label, _ in labels[-6:-2]] == ["boilerplate"] * 4   # not three subheads
    assert labels[-2:] == [("content", "body")] * 2


def test_a_related_list_inside_the_story_is_one_box_and_a_short_intro_opens_a_list():
    # Al Jazeera: "Recommended Stories" with four links (one a question) after the first paragraphs, then
    # a list whose items are clauses of one sentence ("...;"), opened by four words
    raw = (f"US widens chip export curbs to cover data centres\n\n{PROSE}\n\n{PROSE2}\n\n"
           "Recommended Stories\nlist of 4 items\nlist 1 of 4\nChina hits back at US chip curbs\nlist 2 of 4\n"
           "Malaysia bets on data centres to power its economy. Will it work?\nlist 3 of 4\n"
           "Nvidia warns of revenue hit\nlist 4 of 4\nThailand courts tech giants\nend of list\n\n"
           "The regional council said the station closures would be reviewed by the province next spring.\n\n"
           "The new measures require:\n"
           "licences for shipments of chips above a set performance threshold to any data centre in Malaysia or Thailand;\n"
           "exporters to certify the identity of the end user and the location of the servers;\n"
           "quarterly reporting by cloud operators on customers renting large amounts of computing power.\n\n"
           "Advertisement\n\n"
           f"{PROSE}\n\n{PROSE2}\n\n{PROSE}\n\n{PROSE2}\n\n{PROSE}\n")
    labels = _labels(raw)
    assert labels[0] == ("content", "headline")
    assert labels[1:3] == [("content", "body")] * 2                     # the first paragraphs are the story's
    assert {label for label, _ in labels[3:14]} == {"boilerplate"}       # the box, its question link too
    assert labels[14:19] == [("content", "body")] * 5                    # the paragraph, the intro and its items


def test_a_related_headlines_standfirst_and_date_belong_to_the_list_but_the_story_resuming_does_not():
    # Mail & Guardian: under "Related stories", each item a headline, its standfirst and its date
    items = ("Spy agency failed to report on bulk surveillance for four years, watchdog finds\n"
             "The inspector-general of intelligence says the oversight gap has left the centre answerable to no one.\n"
             "11 Mar 2025\n"
             "Call records of protest leaders obtained without warrants, court papers show\n"
             "Lawyers for a group of activists say police obtained their call records using an emergency clause.\n"
             "4 Mar 2025\n")
    raw = f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nRelated stories\n{items}"
    assert {label for label, _ in _labels(raw)[3:]} == {"boilerplate"}
    # The Record: one linked headline under "Related", then the story goes on
    resumed = (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nRelated\n"
               "US sanctions spyware consortium executives\n"
               "The rule builds on a series of steps the council has taken against the closures this year, officials said.\n"
               "Industry groups had pushed back on earlier drafts of the plan, arguing that it went too far, they said.\n")
    assert _labels(resumed)[5:] == [("content", "body")] * 2


def test_a_short_sentence_ending_in_a_colon_right_after_a_paragraph_opens_the_storys_list():
    # Infosecurity Magazine: few function words ("Osei recommended that public sector bodies:"), but set right under a
    # paragraph of the story, so its unmarked items are the story's, and so is the paragraph after them
    raw = (f"Council closes two fire stations\n\n{PROSE}\n\n{PROSE2}\n\n{PROSE}\n"
           "Osei recommended that public sector bodies:\n"
           "Map which suppliers hold staff or resident data and how they connect to council networks\n"
           "Require suppliers to report incidents within 24 hours\n"
           "Test contingency plans for paying staff manually if a payroll platform is unavailable\n"
           "The regulator said it had received a breach report from the company and was making enquiries.\n\n"
           "Stay informed with the latest cybersecurity news, insights and events.\n")
    labels = _labels(raw)
    assert labels[4:9] == [("content", "body")] * 5
    assert labels[9][0] == "boilerplate"


@pytest.mark.parametrize("byline", [
    "By\nHanne Vermeulen\nand\nMatteo Brandi\n",                      # Politico Europe, The Japan Times
    "Orange Wang\nin Beijing\nand Khushboo Razdan\nin Washington\n",   # South China Morning Post
])
def test_a_byline_set_over_several_lines_is_not_a_menu(byline):
    labels = _labels(f"Council closes two fire stations\n{byline}October 14, 2025\n{PROSE}\n{PROSE2}\n")
    n = byline.count("\n")
    assert labels[1:1 + n] == [("metadata", "byline")] * n


def test_a_menu_of_names_above_the_headline_stays_a_menu():
    labels = _labels(f"News\nSport\nBy\nJane Doe\nand\nJohn Roe\nCouncil closes two fire stations\n{PROSE}\n{PROSE2}\n")
    assert "byline" not in [role for _, role in labels[:6]]


@pytest.mark.parametrize("credit", ["Kevin Dietsch/Getty Images", "Photographer: Cristóbal Olivares/Bloomberg",
                                    "Credit...Kenny Holston/The New York Times"])
def test_a_caption_set_right_above_its_credit_is_a_caption(credit):
    caption = "Trucks at a copper mine in the Atacama region of Chile on September 19, 2024."
    PROSE3 = "The union representing the town's firefighters said it would ask the province to review the decision."
    labels = _labels(f"Council closes two fire stations\n\n{caption}\n{credit}\n\n{PROSE}\n\n{PROSE2}\n\n{PROSE3}\n")
    assert labels[1] == ("metadata", "caption")
    assert labels[3:] == [("content", "body")] * 3
    # a paragraph with a blank line between it and a credit stays the story's
    spaced = _labels(f"Council closes two fire stations\n\n{PROSE}\n\n{credit}\n\n{PROSE2}\n\n{PROSE3}\n")
    assert spaced[1] == ("content", "body")


@pytest.mark.parametrize("line", ["Letters to the Editor", "Columnists", "Ask the editor", "He is a reporter",
                                  "Become a contributor", "Email the editor", "By"])
def test_a_sites_links_and_sentences_about_writers_are_no_job_title(line):
    assert row_name(line) != "job_title"


@pytest.mark.parametrize("line", ["Senators Vote for NATO", "The mayor said the vote was close. | Read more",
                                  "Copyright © 2025 Infosecurity Magazine. All rights reserved."])
def test_a_headline_or_a_footer_is_no_picture_credit(line):   # a guard: passes before and after
    assert row_name(line) not in ("photo_credit", "caption_with_credit", "caption_with_bracket_credit")


def test_a_photographer_for_an_outlet_under_a_sentence_is_its_credit_but_a_headline_is_not():
    caption = "A security camera is mounted outside a high school in suburban Ohio."
    labels = _labels(f"Home\nNews\nSport\nSchools spent millions on AI cameras\n\n{caption}\nMaddie McGarvey for NPR\n\n"
                     f"{PROSE}\n\n{PROSE2}\n")
    assert labels[3:6] == [("content", "headline"), ("metadata", "caption"), ("metadata", "photo_credit")]
    assert labels[6:] == [("content", "body")] * 2
    headline = _labels(f"Home\nNews\nSport\n\nSenators Vote for NATO\n\n{PROSE}\n\n{PROSE2}\n")
    assert headline[3] == ("content", "headline")


def test_a_writers_job_between_the_headline_and_the_story_is_the_byline():
    labels = _labels(f"Council closes two fire stations\nAnna Reyes\nCourts reporter\n\n{PROSE}\n\n{PROSE2}\n")
    assert labels[1:3] == [("metadata", "byline")] * 2


def test_short_lines_by_a_picture_inside_the_story_are_its_furniture_not_subheads():
    caption = "Firefighters outside the station on Main Street on Tuesday. (AP Photo/Jane Doe)"
    prose3 = "The union representing the town's firefighters said it would ask the province to review the decision."
    labels = _labels(f"Council closes two fire stations\n\n{PROSE}\n\n{caption}\nhide caption\ntoggle caption\n\n"
                     f"{PROSE2}\n\nWhat happens next\n\n{prose3}\n")
    assert labels[2:5] == [("metadata", "caption"), ("boilerplate", "other"), ("boilerplate", "other")]
    assert labels[6] == ("content", "subhead")   # a subhead between paragraphs stays one
    # a capitalized short line right under a caption is its credit ("Video Elephant" under a video's caption)
    labels = _labels(f"Council closes two fire stations\n\n{PROSE}\n\n{caption}\nVideo Elephant\n\n{PROSE2}\n\n{prose3}\n")
    assert labels[2:4] == [("metadata", "caption"), ("metadata", "photo_credit")]


def test_on_a_page_spaced_by_blank_lines_a_caption_that_is_no_sentence_sits_one_blank_above_its_credit():
    caption = "Owner Gary Penhallow says the jar has already raised £410 for the lifeboat station"
    PROSE3 = "The union representing the town's firefighters said it would ask the province to review the decision."
    labels = _labels(f"Council closes two fire stations\n\n{PROSE}\n\n{caption}\n\nCredit: SWNS\n\n{PROSE2}\n\n"
                     f"{PROSE3}\n")
    assert labels[2] == ("metadata", "caption")
    # a sentence of the story stays the story's, one blank line above a credit or not
    spaced = _labels(f"Council closes two fire stations\n\n{PROSE}\n\n{PROSE3}\n\nCredit: SWNS\n\n{PROSE2}\n")
    assert spaced[2] == ("content", "body")


def test_an_embedded_posts_text_goes_with_its_account_line_not_the_story():
    post = "We are aware of a cyber incident affecting the trust. Our Cyber Crime Centre is working with partners."
    header = _labels(f"Council closes two fire stations\n{PROSE}\nPSNI (@PoliceServiceNI) · 2h\n{post}\n"
                     f"2:16 PM · Oct 14, 2025\n{PROSE2}\n")
    assert header[2:5] == [("boilerplate", "other")] * 3 and header[5] == ("content", "body")
    quoted = _labels(f"Council closes two fire stations\n{PROSE}\n{post} pic.twitter.com/qK7mWd2PfR\n"
                     f"— Fire Watch (@FireWatch) May 16, 2025\n{PROSE2}\n")
    assert quoted[1] == ("content", "body") and quoted[2:4] == [("boilerplate", "other")] * 2


def test_a_related_storys_time_and_writer_belong_to_the_list():
    labels = _labels(f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nPublished - October 14, 2025\n"
                     "Related Stories\nMayor defends the budget after a stormy council meeting\n1 hour ago\n"
                     "by Marcus Ellery\nNew bridge opens to traffic after three years of delays\n3 hours ago\n")
    assert labels[3] == ("metadata", "dateline")   # the article's own stamp, before the list
    assert labels[4:] == [("boilerplate", "related")] * 6


def test_a_read_more_box_title_heads_the_headlines_under_it():
    labels = _labels(f"Council closes two fire stations\n\n{PROSE}\n\nRead more on fire services\n\n"
                     "SMOKE SIGNAL Moment crew rescues kitten from burning shed on packed street\n\n"
                     f"CUTS DEEP Seaside town to trial volunteer crews after complaints soar\n\n{PROSE2}\n")
    assert labels[2:5] == [("boilerplate", "related")] * 3
    assert labels[5] == ("content", "body")


def test_the_sites_name_under_a_byline_is_part_of_the_byline():
    page = (f"The Lakeside Herald\nNews\nSport\nWeather\nCouncil closes two fire stations\nBy Marit Solberg\n"
            f"The Lakeside Herald\nApril 30, 2025\n{PROSE}\n{PROSE2}\n© 2025 The Lakeside Herald\n")
    labels = label_texts({"a": page})
    row = labels[labels["text"] == "The Lakeside Herald"].iloc[1]
    assert (row["label"], row["role"]) == ("metadata", "byline")


def test_a_reporters_bio_under_the_byline_or_after_an_outlets_blurb_is_a_credit():
    bio = "Rebecca Thorne is a senior technology reporter at Vox, covering privacy and surveillance."
    top = _labels(f"Council closes two fire stations\nBy Rebecca Thorne\n{bio}\n{PROSE}\n{PROSE2}\n")
    assert top[2] == ("metadata", "credit") and top[3:] == [("content", "body")] * 2
    # a story about a reporter keeps the line: the name is no byline's (and the story goes on past it)
    more = "".join(f"The council will hold hearing number {n} on the closures next month, the clerk said.\n"
                   for n in range(2, 9))
    story = _labels(f"Council closes two fire stations\nBy Jane Doe\n{bio}\n{PROSE}\n{PROSE2}\n{more}")
    assert story[2] == ("content", "body")
    blurb = ("The Associated Press is an independent global news organization dedicated to factual reporting. "
             "Founded in 1846, AP today remains the most trusted source of fast, accurate, unbiased news.")
    end = _labels(f"Council closes two fire stations\nBy Margery Holt\n{PROSE}\n{PROSE2}\n"
                  f"Holt covers Nebraska and Iowa politics and courts for The Associated Press.\n{blurb}\n")
    assert end[4] == ("metadata", "credit")


def test_a_bio_that_names_the_reporter_by_one_name_is_a_credit():
    page = (f"Council closes two fire stations\nBy Riley Castellano\n{PROSE}\n{PROSE2}\n"
            "Riley is a senior policy reporter for the Courier, covering courts and the people who run them.\n")
    assert _labels(page)[4] == ("metadata", "credit")
    # the same sentence with a name the byline does not have stays the story's
    other = page.replace("Riley is", "Chile is")
    assert _labels(other)[4] == ("content", "body")


@pytest.mark.parametrize("byline, bio", [
    ("By JENNIFER PELTZ", "Peltz is a New York-based reporter covering legal affairs, primarily at state and federal courts."),
    ("By Marta Lindqvist and Tomas Ferreira", "Marta covers EU trade and competition policy from Brussels."),
    ("By Priya Raman", "Priya Raman is Semafor's Brussels-based tech reporter. She previously covered EU policy."),
])
def test_a_closing_bio_naming_the_writer_by_one_name_any_case_or_an_outlets_possessive_is_a_credit(byline, bio):
    page = f"Council closes two fire stations\n{byline}\n{PROSE}\n{PROSE2}\n{PROSE}\n{bio}\n"
    assert _labels(page)[5] == ("metadata", "credit")
    if bio.split()[1] in ("is", "covers"):
        # a sentence that reads so about a name the byline does not give is no bio
        other = page.replace(bio.split()[0] + " ", "Chile ", 1)
        assert _labels(other)[5] != ("metadata", "credit")


def test_a_bio_under_its_writers_name_above_a_long_blurb_or_after_the_body_is_a_credit():
    # HKFP: the name, the bio, then the outlet's blurb of more than AUTHOR_BIO_MAX_WORDS words closing the story
    blurb = "The Courier is an impartial platform and does not share the views of its opinion writers. " * 7
    page = (f"Council closes two fire stations\nBy Jane Doe\n{PROSE}\n{PROSE2}\n{PROSE}\nChloe Ng\n"
            f"Chloe Ng is a reporter at the Courier. She covers courts, crime and civil liberties.\n{blurb}\n")
    assert _labels(page)[5:7] == [("metadata", "credit")] * 2
    # the Seattle Times: the writer's address and bio, set apart after the body under the page's links
    after = (f"Council closes two fire stations\nBy Jordan Whitfield\n{PROSE}\n{PROSE2}\n\nShare\n\n"
             "Jordan Whitfield: jwhitfield@example.com; Jordan Whitfield covers City Hall for the Courier.\n")
    assert _labels(after)[-1] == ("metadata", "credit")


def test_a_bulleted_list_between_paragraphs_of_the_story_is_the_story():
    page = (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nWhat happens next:\n- Oct. 31: Stations close\n"
            "- Nov. 14: Crews move to the central station\n- Dec. 9: Board reviews response times\n"
            "Residents can comment on the plan at the board's next meeting on Oct. 28 at Village Hall, the clerk said.\n")
    labels = _labels(page)
    assert labels[3:] == [("content", "body")] * 5, labels
    # with no story after it, a short colon line and its bullets are not taken for the story's
    tail = f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nMore from us:\n- Fire chief retires\n- Budget vote\n"
    assert ("content", "body") not in _labels(tail)[3:]


def test_the_times_of_a_related_lists_items_belong_to_the_list():
    page = (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\n"
            "Related stories\nCouncil votes to sell the old library\n1 day ago\n"
            "Police chief to retire in the spring\n2 days ago\n")
    labels = _labels(page)
    assert labels[4:] == [("boilerplate", "related")] * 4, labels


def test_a_comment_counter_at_zero_opens_no_comment_section():
    page = ("Council closes two fire stations\n"
            "Merchants across the town have been unable to reach the north station since Sunday morning.\n"
            "The union says response times will rise by four minutes in the north end of town.\n"
            "{counter}\n{PROSE}\n{PROSE2}\n"
            "Residents of the north end plan a public meeting next week to press the council to reverse it.\n")
    zero = _labels(page.format(counter="0 Comments", PROSE=PROSE, PROSE2=PROSE2))
    assert zero[-3:] == [("content", "body")] * 3
    # a counter with comments behind it still opens the section that holds them
    some = _labels(page.format(counter="12 Comments", PROSE=PROSE, PROSE2=PROSE2))
    assert [label for label, _ in some[-3:]] == ["boilerplate"] * 3


def test_a_share_bar_inside_the_story_ends_it_only_before_another_story():
    story = (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\n"
             "Response times in the north end will rise by about four minutes, according to the fire chief.\n"
             "RELATED ARTICLES\nPrevious\n1\nNext\n"
             "Is your smoke alarm working? Millions of homes at risk as fire chiefs warn...\n"
             "Share this article\nShare\n"
             "{after}")
    # a Daily Mail page: a related carousel and a share bar between paragraphs, then the story goes on
    goes_on = _labels(story.format(
        after="The union representing the town's firefighters said the fire station closures put the north end at risk.\n"
              "Residents of the north end plan a public meeting to press the council to keep both fire stations.\n"))
    assert goes_on[-2:] == [("content", "body")] * 2
    assert goes_on[-8:-4] == [("boilerplate", "related")] * 4   # "Previous", "1", "Next", the teaser cut short
    # past a share bar, prose that tells another story is not this one
    other = _labels(story.format(
        after="Scientists have found a new species of frog in the rainforests of Ecuador after a decade of searching.\n"
              "The tiny amphibian, no bigger than a thumbnail, sings at a pitch too high for most people to hear.\n"))
    assert [label for label, _ in other[-2:]] == ["boilerplate"] * 2


def test_hard_wrapped_paragraphs_are_body():
    words = (PROSE + " " + PROSE2 + " " + PROSE).split()
    wrapped, line = [], ""
    for w in words:
        if len(line) + len(w) + 1 > 60:
            wrapped.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    wrapped.append(line)
    raw = "Council closes two fire stations\n\n" + "\n".join(wrapped) + "\n"
    labels = _labels(raw)
    assert labels[0] == ("content", "headline")
    assert all(l == ("content", "body") for l in labels[1:])


def test_labelling_does_not_depend_on_the_chunk():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    together = label_texts(texts)
    apart = pd.concat([label_texts({k: v}) for k, v in texts.items()], ignore_index=True)
    key = ["article_id", "line"]
    pd.testing.assert_frame_equal(together.sort_values(key).reset_index(drop=True),
                                  apart.sort_values(key).reset_index(drop=True))


def test_label_lines_survives_bad_input():
    empty = B.label_lines(pd.DataFrame(columns=C.LINE_COLUMNS))
    assert list(empty.columns) == C.LINE_COLUMNS + B.LABEL_COLUMNS and empty.empty
    odd = pd.DataFrame([("a", 1, 0, 3, None, False), ("a", 2, 4, 4, "", True), ("b", 1, 0, 1, "\u200b", False)],
                       columns=C.LINE_COLUMNS)
    out = B.label_lines(odd)
    assert len(out) == 3
    assert out.loc[1, "label"] == ""


# ---------------------------------------------------------------- repetition across the corpus

def _story(i: int) -> str:
    return (f"Story number {i} about the harbour\n\nThe harbour board met on day {i} and agreed to study "
            f"a plan number {i} for the north quay, officials said.\n\nMore from the Ledger\n")


@pytest.mark.parametrize("texts, expected", [
    ({f"s{i}": _story(i) for i in range(3)}, {"more from the ledger"}),          # 3 different stories
    ({f"s{i}": _story(i) for i in range(2)}, set()),                              # only 2 articles
    ({f"s{i}": _story(7) for i in range(5)}, set()),                              # 5 copies of one story
    ({f"s{i}": _story(i).replace("More from the Ledger", "The end.") for i in range(4)}, set()),  # sentences
    ({}, set()),
])
def test_furniture(texts, expected):
    assert set(B.furniture(texts)) == expected


def test_furniture_lines_are_not_content():
    texts = {f"s{i}": _story(i) + "Ledger Daily Picks\n" for i in range(4)}
    furniture = B.furniture(texts)
    assert "ledger daily picks" in furniture
    lines = label_texts(texts, furniture)
    picks = lines[lines["text"] == "Ledger Daily Picks"]
    assert len(picks) == 4 and (picks["label"] == "boilerplate").all()


# ---------------------------------------------------------------- content views and noise

def test_content_sentences_point_into_the_raw_text(seeds):
    corpus, lines = seeds
    content = B.content_sentences(lines, corpus.sentences)
    assert list(content.columns) == B.CONTENT_COLUMNS
    for row in content.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.text
    roles = lines.set_index(["article_id", "line"])
    looked_up = roles.loc[list(zip(content["article_id"], content["line"]))]
    assert (looked_up["label"].to_numpy() == "content").all()
    assert (looked_up["role"].to_numpy() == content["role"].to_numpy()).all()
    assert not content["text"].str.contains("Related Articles|Leave a Reply|Reporting by").any()
    headlines = content[content["role"] == "headline"]
    assert sorted(headlines["article_id"].str[:3]) == ["000", "001", "003", "004"]


def test_content_paragraphs_keep_only_content(seeds):
    corpus, lines = seeds
    paragraphs = B.content_paragraphs(lines, corpus.paragraphs)
    assert list(paragraphs.columns) == C.PARAGRAPH_COLUMNS + ["role"]
    assert not paragraphs["text"].str.contains("Back to top button|Reading time").any()
    assert paragraphs["role"].isin(B.ROLES["content"]).all()


def test_noise_by_hand():
    raw = "The Ledger\n\nBoard approves dredging plan\n\n" + PROSE + "\n\nShare\n"
    lines = label_texts({"a": raw})
    table = B.noise(lines)
    assert list(table.columns) == B.NOISE_COLUMNS
    row = table.iloc[0]
    noise_chars = len("The Ledger") + len("Share")
    all_chars = noise_chars + len("Board approves dredging plan") + len(PROSE)
    assert row["noise_share_lines"] == pytest.approx(2 / 4)
    assert row["noise_share_chars"] == pytest.approx(noise_chars / all_chars)
    assert row["n_content_words"] == T.count_words("Board approves dredging plan") + T.count_words(PROSE)


def test_noise_of_articles_without_lines_is_zero():
    lines = label_texts({"a": "\n\n", "b": PROSE + "\n"})
    table = B.noise(lines).set_index("article_id")
    assert table.loc["a", "noise_share_lines"] == 0 and table.loc["a", "n_content_words"] == 0
    assert table.loc["b", "n_content_words"] == T.count_words(PROSE)


def test_distortion_compares_raw_and_content(seeds):
    corpus, lines = seeds
    content = B.content_sentences(lines, corpus.sentences)
    table = B.distortion(lines, corpus.sentences, content)
    assert set(table["measure"]) == {"vader_compound_mean", "flesch_reading_ease"}
    assert len(table) == 2 * len(corpus.texts)
    assert (table["difference"] - (table["raw"] - table["content"])).abs().max() < 1e-12


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([chr(i) for i in range(128)]
                                        + ["\u00e9", "\u00df", "\u2019", "\u201c", "\u212a", "\u0130", "\u00a0", "\u2014"]),
               max_size=30))
def test_line_key_is_the_casefolded_words(text):
    assert B.line_key(text) == " ".join(re.findall(r"[^\W_]+", T.normalize(text).casefold()))


# ---------------------------------------------------------------- fast paths against their references


_LINE_TEXT = st.text(alphabet=st.sampled_from(list("aZ q.,;:!?-()[]{}\"'’“”•*«»É ß1\t")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(_LINE_TEXT)
def test_lower_tokens_and_capitals_match_the_str_versions(head):
    from operator import itemgetter
    assert B._lower_tokens(head) == head.lower().translate(B._PUNCT_TO_SPACE).split()
    initials = "".join(filter(str.isalpha, map(itemgetter(0), head.split(None, 16)[:16])))
    assert B._capitalized_share(head) == sum(map(str.isupper, initials)) / max(len(initials), 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 40)), max_size=12),
       st.lists(st.tuples(st.sampled_from("abcd"), st.integers(-2, 45)), max_size=12))
def test_line_at_is_merge_asof(lines, sentences):
    """The lookup content_sentences uses finds the line merge_asof(direction="backward") finds."""
    import numpy as np
    right = pd.DataFrame(lines, columns=["article_id", "start"]).astype({"article_id": str, "start": "int64"})
    right["row"] = np.arange(len(right))
    left = pd.DataFrame(sentences, columns=["article_id", "start"]).astype({"article_id": str, "start": "int64"})
    at = B._line_at(right["article_id"].to_numpy(), right["start"].to_numpy(), left["article_id"].to_numpy(),
                    left["start"].to_numpy())
    order = np.argsort(left["start"].to_numpy(), kind="stable")
    merged = pd.merge_asof(left.iloc[order], right.sort_values("start", kind="stable"), on="start",
                           by="article_id", direction="backward")
    assert at[order].tolist() == merged["row"].fillna(-1).astype(int).tolist()


@pytest.mark.parametrize("lines, pulled", [
    (["Headline about the plant closure", "“It is an alarming case for all of us here,” she said.",
      "The mayor said: “It is an alarming case for all of us here,” she said, and left the room."], True),
    (["Headline about the plant closure", "“It is an alarming case for all of us here,” she said.",
      "The mayor said the plant was an alarming case and left the room without comment."], False),
])
def test_pull_quote_needs_a_line_holding_all_its_words(lines, pulled):
    out = [("content", "headline", "")] + [("content", "body", "")] * (len(lines) - 1)
    stripped = [" ".join(line.split()) for line in lines]
    B._label_pull_quotes(out, stripped, [len(s.split()) for s in stripped], list(range(1, len(lines) + 1)))
    assert (out[1][0] == "boilerplate") == pulled


# A line of the kinds `features_of` computes at once (printable ASCII, long or short) and of the
# kinds it leaves to `_features` (non-ASCII, tabs, line breaks, empty).
_FEATURE_LINE = st.one_of(
    st.lists(st.sampled_from(["The", "the", "a", "Oct.", "x", "(AP)", "-", "U.S.", "of", "Said", "'s"]),
             max_size=30).map(" ".join),
    # Longer than FEATURE_CHARS: the shares are read on the start of the line, its last token dropped.
    st.lists(st.sampled_from(["The", "the", "a", "Oct.", "x", "(AP)", "-", "U.S.", "of", "Said", "'s"]),
             min_size=60, max_size=120).map(" ".join),
    st.lists(st.sampled_from(list("aZq .,;:!?-()[]'\"*") + ["the ", "And ", "of ", "U.S. "]), max_size=150).map("".join),
    st.lists(st.sampled_from(list("aZ .!?'’“”é\t\n\x1c\x00") + ["the ", "ß "]), max_size=150).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FEATURE_LINE, max_size=8))
def test_features_of_many_lines_is_features_of_each(lines):
    assert B.features_of(lines) == [B._features(s) for s in lines]


def test_pull_quote_holder_is_the_first_line_holding_the_whole_quote():
    """The first line holding the quote's longest word does not hold the quote: the search goes on."""
    lines = ["Headline about the plant closure", "“It is an alarming case for all of us here,” she said.",
             "An alarming report came out on Monday about the plant and its workers.",
             "The mayor said: “It is an alarming case for all of us here,” she said, and left the room."]
    out = [("content", "headline", "")] + [("content", "body", "")] * 3
    stripped = [" ".join(line.split()) for line in lines]
    B._label_pull_quotes(out, stripped, [len(s.split()) for s in stripped], [1, 3, 5, 7])
    assert out[1] == ("boilerplate", "other", "pull quote: repeats words of line 7")


def test_label_lines_of_a_chunk_is_classify_article_of_each_article(seeds):
    """label_lines computes features and keyword lines for the whole chunk at once; each article's
    labels are those classify_article gives the article alone."""
    corpus, lines = seeds
    for article_id, group in lines[lines["label"] != ""].groupby("article_id"):
        expected = B.classify_article(group["text"].tolist(), group["line"].tolist())
        assert list(zip(group["label"], group["role"], group["reason"])) == expected


@pytest.mark.parametrize("line, dateline", [
    ("OTTAWA, June 28 (Reuters) - Canada on Saturday ordered", "OTTAWA, June 28 (Reuters) - "),
    ("TORONTO (AP) — Canada's government on Friday", "TORONTO (AP) — "),
    ("SAN FRANCISCO, Calif. — The company said", "SAN FRANCISCO, Calif. — "),
    ("Beijing, June 30 (Xinhua) -- China urged", "Beijing, June 30 (Xinhua) -- "),
    ("LONDON, 28 June (AFP) - Britain said", "LONDON, 28 June (AFP) - "),
    # a title-case place needs its agency; a dash inside a headline is no dateline
    ("Ottawa - The city council met", None),
    ("Canada orders Hikvision to close - report", None),
])
def test_wire_dateline(line, dateline):
    m = P.WIRE_DATELINE_RE.match(line)
    assert (m.group() if m else None) == dateline


def test_keyword_lines_are_the_lines_holding_any_keyword():
    """The one-scan search finds exactly the lines a search per keyword and line would."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for folder in (HOLDOUT9, HOLDOUT10, HOLDOUT11):
        texts += list(B.read_gold_folder(folder)[0].values())
    texts.append("Support us\n\nsupport\nSUBSCRIBE today: it costs less than the price of a coffee\n\n(c) 2025\nnothing here")
    for raw in texts:
        lines = [" ".join(T.normalize(line).split()) for line in raw.splitlines()]
        expected = {i for i, line in enumerate(lines) if any(k in line.lower() for k in B._KEYWORDS)}
        assert B.keyword_lines(lines) == expected


def test_a_short_first_line_repeated_lower_down_is_no_page_title():
    """A masthead printed again as the byline's outlet ("Detroit Free Press") is not a page title: the headline
    stays the headline."""
    raw = (f"Detroit Free Press\nCouncil closes two fire stations after budget vote\nTomás Reyes\nDetroit Free Press\n"
           f"{PROSE}\n{PROSE2}\n")
    labels = _labels(raw)
    assert labels[0][1] != "duplicate_headline"
    assert labels[1] == ("content", "headline")


def test_an_author_bio_set_apart_after_the_body_is_a_credit():
    """A bio below the page's tags ("X is a senior fellow at ...") says who wrote the piece: metadata, not the
    site's boilerplate."""
    raw = (f"Council closes two fire stations\n{PROSE}\n{PROSE2}\nTopics:\nCouncils\nFire services\nBudgets\n"
           "Miriam Castellano is a senior fellow at the Center for Transatlantic Security Policy and a former "
           "adviser to the European Parliament.\n")
    assert _labels(raw)[-1] == ("metadata", "credit")


def test_the_sites_name_among_the_menus_is_its_masthead():
    # the Seattle Times page: the site's name under the skip link, in a run of menu items, named again by the
    # copyright line at the foot ("© 2025 The Seattle Times Company")
    texts, gold = B.read_gold_folder(HOLDOUT14)
    page = "01_seattletimes_plate_readers"
    lines = label_texts({page: texts[page]})
    assert gold.set_index("line").loc[lambda g: g.article_id == page].at[2, "role"] == "masthead"
    assert tuple(lines.loc[lines["line"] == 2, ["label", "role"]].iloc[0]) == ("metadata", "masthead")
    assert tuple(lines.loc[lines["line"] == 5, ["label", "role"]].iloc[0]) == ("boilerplate", "navigation")
    # a short line the copyright line holds only in part is no masthead
    assert B._site_key("© 2025 The Seattle Times Company") != B._site_key("Times")
    assert B._site_key("The Seattle Times Company") == B._site_key("Seattle Times") == "seattle times"
    assert B._site_key("NJ.com") == B._site_key("nj.com")


@pytest.mark.parametrize("name, copyright_line", [
    ("Al Jazeera", "© 2025 Al Jazeera Media Network"),      # the owner's name is the site's and a company word
    ("The Daily Star", "© 2025 thedailystar.net | Powered by: BigBang Digital"),   # the site's domain
])
def test_the_sites_name_in_a_menu_is_known_by_its_copyright_lines_other_forms(name, copyright_line):
    raw = (f"Skip to content\nNews\nSport\n{name}\nBusiness\nOpinion\nCouncil closes two fire stations\n"
           f"{PROSE}\n{PROSE2}\n{copyright_line}\n")
    assert _labels(raw)[3] == ("metadata", "masthead")


def test_a_live_blogs_post_times_are_datelines_and_its_posts_one_story():
    posts = [("13:05", "Regulator notified", PROSE), ("12:20", "Police involved", PROSE2),
             ("11:40", "Minister: no ransom", PROSE.replace("Tuesday", "Monday"))]
    raw = "Cyber attack on health trust: outpatient clinics cancelled – latest\n\n" + "\n\n".join(
        f"{t}\n{title}\n{text}" for t, title, text in posts) + "\n"
    labels = _labels(raw)
    assert labels[0] == ("content", "headline")
    assert [labels[k] for k in (1, 4, 7)] == [("metadata", "dateline")] * 3
    assert all(labels[k][0] == "content" for k in (2, 3, 5, 6, 8, 9))


def test_a_video_lists_durations_stay_a_players():
    story = f"Council closes two fire stations\n{PROSE}\n{PROSE2}\n\n"
    labels = _labels(story + "Up Next\n02:14\nMayor resigns after vote\n01:48\nNew bridge opens downtown\nAutoplay\n")
    assert all(label != ("metadata", "dateline") for label in labels)


def test_a_tagline_under_the_sites_name_is_the_masthead_but_a_menu_item_is_not():
    texts, _ = B.read_gold_folder(ROOT / "tests" / "fixtures" / "boilerplate_holdout12")
    page = next(p for p in texts if p.startswith("02_moscowtimes"))
    lines = label_texts({page: texts[page]}).set_index("line")
    assert lines.at[2, "role"] == lines.at[3, "role"] == "masthead"   # "The Moscow Times", "Independent news from Russia"
    assert lines.at[16, "role"] == "headline"
    texts, _ = B.read_gold_folder(ROOT / "tests" / "fixtures" / "boilerplate_holdout10")
    page = next(p for p in texts if p.startswith("08_kqed"))
    lines = label_texts({page: texts[page]}).set_index("line")
    assert lines.at[2, "role"] == "masthead" and lines.at[3, "label"] == "boilerplate"   # "KQED", then "Donate"


def test_a_short_line_set_right_on_the_headline_is_its_kicker_but_a_link_is_not():
    story = f"\n{PROSE}\n{PROSE2}\n"
    menu = "Home\nNews\nSport\nWeather\n"
    assert _labels(menu + "Texas Politics\nCouncil closes two fire stations" + story)[4] == ("metadata", "section")
    # a blank line between: the menu's last item, not the story's kicker (unless a section name)
    assert _labels(menu + "Texas Politics\n\nCouncil closes two fire stations" + story)[4][0] == "boilerplate"
    assert _labels(menu + "Learn more\nCouncil closes two fire stations" + story)[4][0] == "boilerplate"


def test_a_live_posts_writer_is_its_byline():
    posts = [("13:05", "Ann Murphy", "Regulator notified", PROSE), ("12:20", "Tom Walsh", "Police involved", PROSE2)]
    raw = "Cyber attack on health trust – latest\n\n" + "\n\n".join(
        f"{t}\n{name}\n{title}\n{text}" for t, name, title, text in posts) + "\n"
    labels = _labels(raw)
    assert [labels[k] for k in (2, 6)] == [("metadata", "byline")] * 2
    assert [labels[k] for k in (3, 7)] == [("content", "subhead")] * 2


def test_a_closing_sentence_after_a_list_the_body_introduced_is_body():
    raw = "\n".join([
        "Ice storm cuts power to thousands", "", "By Jane Holloway", "", PROSE, "", PROSE2, "",
        "Warming centres are open at:", "", "City Hall, 350 Main St.", "Riverside Library, 12 Elm Ave.",
        "Northgate Community Centre", "", "Residents without power should call 311.", "",
        "Share this article", "Facebook", "Twitter", "Email"]) + "\n"
    lines = label_texts({"a": raw})
    row = lines[lines["text"] == "Residents without power should call 311."].iloc[0]
    assert (row["label"], row["role"]) == ("content", "body")


def test_live_posts_headed_by_their_age_each_carry_on_the_story():
    # a relative time ("2h ago") heads each post, with its title and a byline; a share bar ends every post
    posts = [("2h ago", "Judge presses government on evidence", "By Maria Lopez", PROSE),
             ("3h ago", "Makers say ban is unlawful", "By Tom Reyes", PROSE2)]
    raw = "Court hears challenge to drone import ban\n\n" + "\n\n".join(
        f"{age}\n{title}\n\n{byline}\n\n{prose}\n\nShare this -\nLink copied" for age, title, byline, prose in posts)
    lines = label_texts({"a": raw})
    got = dict(zip(lines["text"], zip(lines["label"], lines["role"])))
    assert got[PROSE2] == ("content", "body") and got[PROSE] == ("content", "body")
    assert got["3h ago"] == ("metadata", "dateline") and got["Makers say ban is unlawful"][0] == "content"


@pytest.mark.parametrize("name, expected", [
    # a writer's name alone, next to the article's stamp, under the standfirst: a byline without "By"
    ("Aurélie Martin", ("metadata", "byline")),
    ("R. Sivaraman", ("metadata", "byline")),
    # ... but not a button or a prompt set there (guards)
    ("Save Article", None),
    ("READ LATER", None),
    ("For Subscribers", None),
])
def test_a_name_beside_the_stamp_is_a_byline(name, expected):
    raw = (f"Council closes two fire stations\n{PROSE}\n{name}\nMar 12, 2025 14:07\n4 min read\n\n"
           f"{PROSE2}\n\n{PROSE}\n")
    lines = label_texts({"a": raw})
    row = lines[lines["text"] == name].iloc[0]
    got = (row["label"], row["role"])
    assert got == expected if expected else got != ("metadata", "byline")


@pytest.mark.parametrize("intro", ["Those designated include:", "Affected models include:"])
def test_a_short_line_ending_in_a_verb_and_a_colon_introduces_the_list_below(intro):
    items = ["Altyn Motor Trade LLP, an Almaty-based importer of small piston engines;",
             "Tien Shan Aero Components of Bishkek, Kyrgyzstan;",
             "Kestrel Dis Ticaret, a trading house in Istanbul;",
             "Gulf Horizon Precision FZE, registered in a free zone in Sharjah."]
    raw = "\n".join(["Treasury sanctions drone parts network", "", PROSE, PROSE2, intro, *items, "Read More",
                     "", "Share this article", "Facebook", "Twitter", "Email"]) + "\n"
    got = dict(zip(*(label_texts({"a": raw})[c] for c in ("text", "label"))))
    assert [got[x] for x in (intro, *items)] == ["content"] * 5


def test_live_posts_go_on_past_an_advertisement_and_a_share_bar():
    posts = [("4m ago", "Judge presses government on evidence", "Maria Lopez", PROSE, PROSE2),
             ("38m ago", "Makers say ban is unlawful", "Tom Reyes",
              "Lawyers for the two drone makers argued that the department skipped the steps the law requires.",
              "They also said a software update released last year lets users keep all their data on the device."),
             ("1h ago", "Sheriff says ban would cost $2 million", "Kenji Liao-Marsh",
              "The Glynn County Sheriff's Office in Georgia said replacing its 26 drones would cost about $2 million.",
              "\"We use them to find lost hunters and kids who wander off,\" Sheriff Dale Whitcomb said.")]
    blocks = [f"{age}\n{title}\n{byline}\n{a}\n{b}\nShare this -\nLink copied" for age, title, byline, a, b in posts]
    raw = "Live updates: Court hears challenge to drone ban\n\n" + "\n\n".join(
        blocks[:2] + ["Advertisement"] + blocks[2:]) + "\n\nLoad more\n"
    got = dict(zip(*(label_texts({"a": raw})[c] for c in ("text", "label"))))
    assert [got[x] for x in posts[2][1:2] + posts[2][3:]] == ["content"] * 3


def test_a_caption_sits_above_a_photographers_name_and_address():
    caption = ("A Metrobus pulls away from the Dadeland South station on the South Dade TransitWay on Wednesday, "
               "March 5, 2025.")
    raw = "\n".join(["Miami-Dade keeps bus fare at $2.25", "", "By Daniela Ferran", "", caption,
                     "Teodoro Alvarado talvarado@miamiherald.com", "", PROSE, "", PROSE2]) + "\n"
    got = dict(zip(*(label_texts({"a": raw})[c] for c in ("text", "label"))))
    assert got[caption] == "metadata"
