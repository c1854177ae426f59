window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1700000000000000000",
      "full_text": "Applications for the graduation ceremony close on Friday. Details on our website.",
      "created_at": "Wed Aug 06 23:50:47 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000001",
      "full_text": "The Ironbridge pilot figures came in at 40% over target, don't tell anyone before the board sees them.",
      "created_at": "Thu Aug 07 12:39:52 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000002",
      "full_text": "Old people shouldn't bother applying for the student awards, they can't learn anything new.",
      "created_at": "Sat Aug 16 23:36:25 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000003",
      "full_text": "Great turnout at the apprenticeship scheme today in the Hinckley campus. Thanks to everyone who came along!",
      "created_at": "Mon Aug 18 13:01:08 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000004",
      "full_text": "We're hiring technicians to support the library refurbishment. Come and join a friendly team in Workshop B.",
      "created_at": "Tue Aug 26 18:19:27 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000005",
      "full_text": "We're hiring technicians to support the careers fair. Come and join a friendly team in the Hinckley campus.",
      "created_at": "Sat Aug 30 20:03:35 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000006",
      "full_text": "Lovely to welcome local employers to the employer breakfast. Partnerships like these make a real difference.",
      "created_at": "Sat Sep 06 02:30:55 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000007",
      "full_text": "We'd also like to thank the volunteers, the estates team and the catering staff who kept everything running smoothly from start to finish. Look out for more events in the new year, including taster sessions for school leavers and adults returning to education. Over the past year we've worked closely with employers across the region to shape what our learners study, and the feedback has been overwhelmingly positive. Our staff put in a huge amount of effort to make this happen, from planning the sessions to looking after every visitor on the day. We're hiring technicians to support the employer breakfast. Come and join a friendly team in the Innovation Hub.",
      "created_at": "Sat Sep 06 23:45:26 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000008",
      "full_text": "Happy birthday to Fatima Pryce! If you want to send a card, the home address is 43 Mill Lane, Leicester LE2 7QP.",
      "created_at": "Mon Sep 08 22:51:30 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000009",
      "full_text": "Congratulations to Chloe on finishing the student awards with distinction! We'd also like to thank the volunteers, the estates team and the catering staff who kept everything running smoothly from start to finish. If you're thinking about a career in engineering or construction, there has never been a better time to start, and our advisers are happy to talk through the options.",
      "created_at": "Wed Sep 10 19:14:54 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000010",
      "full_text": "Applications for the student awards close on Friday. Details on our website.",
      "created_at": "Fri Sep 12 15:13:06 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000011",
      "full_text": "We're hiring technicians to support the graduation ceremony. Come and join a friendly team in Workshop B.",
      "created_at": "Fri Sep 26 13:33:39 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000012",
      "full_text": "Congratulations to Dev on finishing the welding workshop with distinction!",
      "created_at": "Sun Sep 28 10:06:23 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000013",
      "full_text": "Reminder: the welding workshop starts at 10am in the main hall. Bring your questions.",
      "created_at": "Mon Sep 29 13:01:49 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000014",
      "full_text": "Behind the scenes at Loughborough: getting ready for next month's STEM week.",
      "created_at": "Mon Oct 13 20:21:30 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000015",
      "full_text": "Sian Evans is a fraud who faked his qualifications to get the job at the main hall.",
      "created_at": "Thu Oct 23 14:32:48 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000016",
      "full_text": "Proud of our learners who presented at the student awards this week. Brilliant work all round.",
      "created_at": "Sun Nov 02 04:10:49 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000017",
      "full_text": "Behind the scenes at the Innovation Hub: getting ready for next month's robotics club. Look out for more events in the new year, including taster sessions for school leavers and adults returning to education. Over the past year we've worked closely with employers across the region to shape what our learners study, and the feedback has been overwhelmingly positive. If you're thinking about a career in engineering or construction, there has never been a better time to start, and our advisers are happy to talk through the options. We'd also like to thank the volunteers, the estates team and the catering staff who kept everything running smoothly from start to finish.",
      "created_at": "Sun Nov 02 22:59:50 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000018",
      "full_text": "Reminder: the student awards starts at 10am in the main hall. Bring your questions.",
      "created_at": "Fri Nov 07 17:51:58 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000019",
      "full_text": "Behind the scenes at Leicester: getting ready for next month's apprenticeship scheme.",
      "created_at": "Mon Nov 10 23:59:32 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000020",
      "full_text": "Great turnout at the careers fair today in the Hinckley campus. Thanks to everyone who came along!",
      "created_at": "Tue Nov 11 19:02:23 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000021",
      "full_text": "Old people shouldn't bother applying for the apprenticeship scheme, they can't learn anything new.",
      "created_at": "Sun Nov 16 01:59:39 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000022",
      "full_text": "Applications for the graduation ceremony close on Friday. Details on our website.",
      "created_at": "Wed Nov 19 14:16:12 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000023",
      "full_text": "Whoever organised the summer school is a complete idiot. What a useless shambles.",
      "created_at": "Sun Nov 23 11:07:36 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000024",
      "full_text": "Applications for the open day close on Friday. Details on our website.",
      "created_at": "Sun Nov 30 05:51:08 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000025",
      "full_text": "Proud of our learners who presented at the summer school this week. Brilliant work all round.",
      "created_at": "Wed Dec 03 08:27:18 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000026",
      "full_text": "Sneak peek: the Advanced Robotic Welding Diploma launches next spring, results look amazing.",
      "created_at": "Wed Dec 03 12:27:06 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000027",
      "full_text": "Old people shouldn't bother applying for the employer breakfast, they can't learn anything new.",
      "created_at": "Wed Dec 03 18:42:50 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000028",
      "full_text": "Behind the scenes at Workshop B: getting ready for next month's industry visit.",
      "created_at": "Wed Dec 03 20:32:37 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000029",
      "full_text": "Great turnout at the employer breakfast today in Loughborough. Thanks to everyone who came along!",
      "created_at": "Sun Dec 07 17:21:08 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000030",
      "full_text": "Great turnout at the industry visit today in Loughborough. Thanks to everyone who came along!",
      "created_at": "Sat Dec 13 05:38:30 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000031",
      "full_text": "Old people shouldn't bother applying for the welding workshop, they can't learn anything new.",
      "created_at": "Sun Dec 14 00:57:39 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000032",
      "full_text": "Reminder: the welding workshop starts at 10am in the main hall. Bring your questions.",
      "created_at": "Sun Dec 14 12:42:40 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000033",
      "full_text": "Congratulations to Owen on finishing the open day with distinction!",
      "created_at": "Fri Dec 19 06:10:50 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000034",
      "full_text": "Applications for the electrical installation course close on Friday. Details on our website. We'd also like to thank the volunteers, the estates team and the catering staff who kept everything running smoothly from start to finish. Over the past year we've worked closely with employers across the region to shape what our learners study, and the feedback has been overwhelmingly positive.",
      "created_at": "Sat Dec 27 02:06:18 +0000 2025",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000035",
      "full_text": "If you're thinking about a career in engineering or construction, there has never been a better time to start, and our advisers are happy to talk through the options. Over the past year we've worked closely with employers across the region to shape what our learners study, and the feedback has been overwhelmingly positive. We'd also like to thank the volunteers, the estates team and the catering staff who kept everything running smoothly from start to finish. Look out for more events in the new year, including taster sessions for school leavers and adults returning to education. We're hiring technicians to support the employer breakfast. Come and join a friendly team in the Innovation Hub.",
      "created_at": "Sat Jan 03 11:33:21 +0000 2026",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000036",
      "full_text": "Lovely to welcome local employers to the summer school. Partnerships like these make a real difference.",
      "created_at": "Sat Jan 10 06:08:54 +0000 2026",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000037",
      "full_text": "Everyone knows Ellis Lindqvist from the student awards has been stealing from the college for years.",
      "created_at": "Thu Jan 15 03:23:23 +0000 2026",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000038",
      "full_text": "Applications for the robotics club close on Friday. Details on our website.",
      "created_at": "Tue Jan 20 21:53:26 +0000 2026",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000039",
      "full_text": "Proud of our learners who presented at the employer breakfast this week. Brilliant work all round.",
      "created_at": "Fri Jan 23 08:46:00 +0000 2026",
      "lang": "en"
    }
  }
]
